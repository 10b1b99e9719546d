// Compiles a child script (and what it imports) to plain CommonJS once, so the crash test can start
// hundreds of processes: through tsx's loader each start costs ~1 s; compiled, ~0.1 s.
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { CHILDREN, REPO } from './helpers';

export interface CompiledChild {
  start(args: string[], env?: NodeJS.ProcessEnv): ChildProcess;
  cleanup(): void;
}

export function compileChild(script: string): CompiledChild {
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'qkms-child-'));
  const entry = path.join(CHILDREN, script);
  const program = ts.createProgram([entry], {
    module: ts.ModuleKind.CommonJS,
    target: ts.ScriptTarget.ES2022,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    esModuleInterop: true,
    skipLibCheck: true,
    noCheck: true, // `tsc -p tsconfig.node.json` type-checks these files; this only strips types
    types: [],
    outDir,
    rootDir: REPO,
  });
  const emitted = program.emit();
  if (emitted.emitSkipped) throw new Error(`could not compile ${script}`);
  const compiled = path.join(outDir, path.relative(REPO, entry)).replace(/\.ts$/, '.js');
  // The keychain worker is plain JavaScript next to the adapter: copy it as the Electron build does.
  const worker = 'src/core/store/keychain-worker.cjs';
  if (existsSync(path.join(outDir, 'src/core/store'))) copyFileSync(path.join(REPO, worker), path.join(outDir, worker));
  return {
    start: (args, env = process.env) =>
      // NODE_PATH: the compiled files live outside the repo but require its node_modules (keytar).
      spawn(process.execPath, [compiled, ...args], {
        env: { ...env, NODE_PATH: path.join(REPO, 'node_modules') },
        stdio: ['ignore', 'pipe', 'pipe'],
      }),
    cleanup: () => rmSync(outDir, { recursive: true, force: true }),
  };
}
