// Runs the real `qkms` command (bin/qkms.cjs) in a child process, as a user would.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

export const QKMS_BIN = path.resolve(__dirname, '../../bin/qkms.cjs');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
  json<T = Record<string, unknown>>(): T;
}

export function runQkms(args: string[], env: NodeJS.ProcessEnv, input?: string): CliRun {
  const result = spawnSync(process.execPath, [QKMS_BIN, ...args], { env, input, encoding: 'utf8', timeout: 60_000 });
  return {
    status: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
    json: <T>() => JSON.parse(result.stdout) as T,
  };
}
