// ESLint gate: correctness and layering rules; formatting is Prettier's job (eslint-config-prettier turns style off).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// The only files that may touch the Electron API; everything else stays testable in plain Node.
const electronGlue = [
  'electron/main.ts',
  'electron/preload.ts',
  'electron/menu.ts',
  'electron/windowState.ts',
  'electron/electronShell.ts',
  'electron/hardenWindow.ts',
];

const electronImport = {
  name: 'electron',
  message: 'Only the Electron glue (main, preload, menu, windowState, electronShell, hardenWindow) imports electron.',
};

export default tseslint.config(
  {
    ignores: ['dist/', 'release/', 'node_modules/', 'tests/fixtures/', 'test-results/', 'playwright-report/'],
  },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Values come from SQLite rows, JSON.parse, xlsx/mammoth/word-extractor output and IPC payloads, all `any`
      // by their typings and checked by zod or the reader's own guards; flagging every access is noise, not safety.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      // An async function without await is how a Promise-returning interface is met (shells, workers, mocks);
      // the promise mistakes that matter are no-floating-promises' and no-misused-promises' to catch.
      '@typescript-eslint/require-await': 'off',
      // Chinese text and the regexes that read it hold U+3000 on purpose; code outside them still may not.
      'no-irregular-whitespace': [
        'error',
        { skipStrings: true, skipComments: true, skipRegExps: true, skipTemplates: true, skipJSXText: true },
      ],
      // `_`-prefixed names mark an argument or destructured field that is deliberately ignored.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      'no-restricted-imports': ['error', { paths: [electronImport] }],
    },
  },
  {
    files: ['renderer/**'],
    rules: {
      // React ignores what an event handler returns, so `onClick={async () => …}` loses nothing by being
      // async; a `void` at each of the ~30 handlers would only hush the rule. Where their errors go is
      // useLedgerAction's job. Promises passed anywhere else (effects, callbacks, arguments) are still checked.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
    },
  },
  {
    files: electronGlue,
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    ...reactHooks.configs.flat.recommended,
    rules: {
      ...reactHooks.configs.flat.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [electronImport],
          patterns: [
            {
              regex: '^(\\.\\./)+electron(/|$)',
              message: 'The renderer talks to the main process through the bridge; share types via shared/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/db/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronImport],
          patterns: [
            {
              regex: '(^|/)shared/channels(/|$)',
              message: 'The db layer defines its own row types; IPC DTOs live above it in shared/channels.',
            },
          ],
        },
      ],
    },
  },
  {
    // Tests stringify cells they wrote themselves (plain strings and numbers); an [object Object] there
    // fails the assertion it feeds, so the rule would only add casts.
    files: ['tests/**'],
    rules: { '@typescript-eslint/no-base-to-string': 'off' },
  },
  {
    // Plain JS build scripts and worker sources are outside the TypeScript program.
    files: ['**/*.mjs', '**/*.cjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  prettier,
);
