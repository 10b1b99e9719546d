import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Keychain tests share one private gnome-keyring; files run in parallel but each uses its own service name.
    pool: 'forks',
  },
});
