// Build of the three Electron targets. The preload is built as CommonJS with its dependencies bundled,
// because a sandboxed preload can `require` only `electron` (and a few Node shims), not node_modules.
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  main: {
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
    plugins: [react()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      rolldownOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
    },
  },
});
