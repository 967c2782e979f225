// Lint rules that catch what types alone do not: forgotten promises, non-exhaustive switches, and the boundaries
// of DESIGN.md §4 (modules reach each other through their index, and never open the database themselves).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/node_modules/**', 'data/**', 'packages/web/dist/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', process: 'readonly', module: 'writable' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  {
    files: ['packages/server/src/modules/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [
          { name: 'pg', message: 'Modules get the database from the request context or the gate scope.' },
          { name: '@electric-sql/pglite', message: 'Modules get the database from the request context or the gate scope.' },
        ],
        patterns: [
          { regex: '^\\.\\./[\\w-]+/(?!index$)[\\w.-]+$', message: "Import another module through its index (its public surface)." },
          { group: ['**/platform/db/database'], importNames: ['openDatabase'], message: 'Only the composition root opens the database.' },
          { group: ['**/platform/db/migrate'], importNames: ['migrate'], message: 'Migrations run at start, not from a module.' },
        ],
      }],
    },
  },
  {
    files: ['packages/domain/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['node:*', 'fastify', 'kysely', 'pg', '@electric-sql/*'], message: 'The domain package does no I/O.' }] }],
    },
  },
);
