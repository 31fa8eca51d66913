import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', 'test-artifacts/', 'dist/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      'no-console': 'off',
    },
  },
  {
    files: ['src/web/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
  },
  {
    // The web app reads the contract's types only, so that zod stays out of the browser bundle.
    files: ['src/web/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/contract/*'], allowTypeImports: true, message: 'Import types only.' },
            { group: ['**/server/*'], message: 'The web app talks to the server over HTTP.' },
          ],
        },
      ],
      // The one exception: the check of a return's answers (src/contract/return-forms.ts) is the
      // same zod schema in the browser as in the server, loaded with import() as a chunk of its
      // own by the return form, so zod stays out of the first bundle. No other contract module.
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ImportExpression[source.value=/contract\\/(?!return-forms\\.ts$)/]',
          message: 'Only src/contract/return-forms.ts may be loaded at run time.',
        },
      ],
    },
  },
  {
    files: ['src/contract/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ group: ['**/server/*', '**/web/*'], message: 'The contract stands alone.' }],
        },
      ],
    },
  },
);
