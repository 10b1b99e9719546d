// Build of the three Electron targets. The preload is built as CommonJS with its dependencies bundled,
// because a sandboxed preload can `require` only `electron` (and a few Node shims), not node_modules.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';

/**
 * `electron-vite dev` only: Vite's dev server injects an inline React-refresh preamble and inline styles
 * and talks to its HMR socket, which the production CSP meta tag of index.html forbids. Relax the meta
 * tag while serving; the main process sends the matching development CSP header (src/main/csp.ts),
 * which pins the socket to the dev server. Built files keep the strict policy untouched.
 */
const devServerCsp = (): Plugin => ({
  name: 'qkms:dev-server-csp',
  apply: 'serve',
  transformIndexHtml: (html) =>
    html.replace(
      /(<meta\s+http-equiv="Content-Security-Policy"\s+content=")([^"]*)"/,
      (_match, head: string, policy: string) =>
        `${head}${policy
          .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
          .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
          .replace("connect-src 'none'", "connect-src 'self' ws: wss:")}"`,
    ),
});

/**
 * The keychain worker (src/core/store/keychain-worker.cjs) runs keytar in a child process of its own, so it
 * is not bundled: it is emitted as is next to out/main/index.js, where the bundled adapter looks for it
 * (`__dirname`). The app forks it with the Electron binary as Node, so keytar must be built for
 * Electron's ABI (README: `npx electron-rebuild -f -w @github/keytar`).
 */
const keychainWorker = (): Plugin => {
  const file = resolve(__dirname, 'src/core/store/keychain-worker.cjs');
  return {
    name: 'qkms:keychain-worker',
    buildStart() {
      this.addWatchFile(file);
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'keychain-worker.cjs', source: readFileSync(file, 'utf8') });
    },
  };
};

export default defineConfig({
  main: {
    plugins: [keychainWorker()],
    build: {
      outDir: 'out/main',
      rolldownOptions: { input: { index: resolve(__dirname, 'src/main/index.ts') }, output: { format: 'cjs' } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // The contract's OPERATION_NAMES comes with the zod schemas; a sandboxed preload cannot require zod.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    // Relative asset URLs: the built renderer loads from file:// in the app and from http://127.0.0.1 in e2e.
    base: './',
    plugins: [react(), devServerCsp()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      rolldownOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
    },
  },
});
