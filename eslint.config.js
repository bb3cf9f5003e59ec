// ESLint over every TypeScript and JavaScript file of the repository: the recommended rules of ESLint and
// typescript-eslint (without type information, so that a lint of the whole tree stays well under a minute).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['**/dist/**', '**/node_modules/**', 'coverage/**', '.scratch*/**', 'packages/cli/src/compare/gridWorkerBundle.mjs', '**/*.d.mts', '**/*.d.ts'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // `_`-prefixed names are deliberately unused (a parameter kept for a signature, a skipped element).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // Tests and their fixtures edit untyped JSON (manifests, states, journal lines) on purpose.
    files: ['**/*.test.ts', '**/*Fixtures.ts', '**/testing/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
