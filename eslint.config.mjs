// Lint rules, including the layering rules of ARCHITECTURE.md: the core and the contract never import
// electron, and the renderer never reaches into the Node side.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const electronBan = {
  paths: [{ name: 'electron', message: 'src/core and src/shared must stay Electron-free.' }],
  patterns: [{ group: ['electron/*'], message: 'src/core and src/shared must stay Electron-free.' }],
};

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'dist/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    // Plain CommonJS entry points (bin/qkms.cjs, the keychain worker) run without a build step.
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src/core/**', 'src/shared/**'],
    rules: { 'no-restricted-imports': ['error', electronBan] },
  },
  {
    files: ['src/shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...electronBan,
          patterns: [
            ...electronBan.patterns,
            {
              group: ['node:*', '../core/*', '../main/*', '../cli/*', '../server/*'],
              message: 'src/shared is the contract: no Node, no core.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer reaches the main process only through window.qkms.' }],
          patterns: [
            {
              group: ['**/core/**', '**/main/**', '**/cli/**', '**/server/**', 'node:*'],
              message: 'The renderer must not import the Node side.',
            },
          ],
        },
      ],
    },
  },
);
