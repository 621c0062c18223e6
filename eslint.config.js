// Lint rules that catch bugs the compiler lets through (docs/adr/0021-lint-and-format.md). Layer rules are
// dependency-cruiser's (npm run lint:layers); formatting is Prettier's (npm run format:check).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'var/', 'data/', 'docs/', 'bin/', '**/*.mjs', '**/*.cjs', 'eslint.config.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        // Node code, the browser code and the service worker each have their own tsconfig (their own lib types).
        project: ['./tsconfig.json', './tsconfig.web.json', './tsconfig.web-worker.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // A promise nobody awaits loses its error; node:test's test() and describe() are awaited by the runner.
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            { from: 'package', package: 'node:test', name: ['test', 'describe', 'it', 'suite'] },
          ],
        },
      ],
      // Statuses are unions: a switch over one handles every member or says why not.
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true, requireDefaultForNonUnion: false },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      'no-empty': ['error', { allowEmptyCatch: false }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      // Components are closures over their deps, not classes: passing `guard.requireStaff` loses no `this`.
      '@typescript-eslint/unbound-method': 'off',
      // Port methods are async by contract even where an adapter has nothing to wait for.
      '@typescript-eslint/require-await': 'off',
      // Input checks name control characters on purpose (NUL, C0) to refuse them.
      'no-control-regex': 'off',
    },
  },
  {
    // A page's event handlers are async and show their own errors; the DOM ignores what a listener returns.
    files: ['src/web/**/*.ts'],
    rules: { '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }] },
  },
  {
    // Tests read JSON answers (`response.json()` is `any`, and so is the test client's default) and assert on them
    // field by field; typing every answer adds nothing.
    files: ['test/**/*.ts', '**/*.test.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
);
