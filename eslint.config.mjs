// Lint for the whole tree: typescript-eslint's recommended rules, sorted imports, and prettier's
// formatting left to prettier (`npm run lint` runs both; `npm run format` fixes what they can).
import js from '@eslint/js'
import prettier from 'eslint-config-prettier'
import simpleImportSort from 'eslint-plugin-simple-import-sort'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      '.next/',
      'data/',
      'media/',
      'coverage/',
      'tests/artifacts/',
      'bench/results/',
      'src/payload-types.ts',
      'src/migrations/',
      'src/app/(payload)/admin/importMap.js',
      'tests/clients/pressroom-api.d.ts',
      'next-env.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.node, ...globals.browser },
    },
    plugins: { 'simple-import-sort': simpleImportSort },
    rules: {
      'simple-import-sort/imports': 'error',
      'simple-import-sort/exports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      // Payload's own types are loose in places (hooks, the db adapter's rows); `any` is allowed where it is spelled out.
      '@typescript-eslint/no-explicit-any': 'off',
      // XML 1.0 and the feeds refuse control characters: the patterns that find them name them.
      'no-control-regex': 'off',
    },
  },
  prettier,
)
