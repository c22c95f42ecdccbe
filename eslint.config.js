import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const electronOnlyInTheShell = { name: 'electron', message: 'Only electron/main and electron/preload import Electron; inject what the engine needs.' };

/** A door (electron/fronts/NAME) that must not import the other doors: they share through core. */
function doorRule(name, others) {
  const alternatives = others.join('|');
  return [
    {
      files: [`electron/fronts/${name}/**/*.ts`],
      ignores: ['electron/fronts/**/*.test.ts'],
      rules: {
        'no-restricted-imports': [
          'error',
          {
            paths: [electronOnlyInTheShell],
            patterns: [{ regex: `(^\\.\\./|/fronts/)(${alternatives})(/|$)`, message: `the ${name} door never imports another door (${others.join(', ')}): share through core.` }],
          },
        ],
      },
    },
  ];
}

export default tseslint.config(
  { ignores: ['out/', 'dist/', 'node_modules/', 'test-results/', 'playwright-report/', 'electron/core/db/migrations/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'off',
    },
  },
  {
    // The engine runs under plain Node (CLI, web host, tests): only the shell may touch Electron.
    files: ['electron/**/*.ts', 'shared/**/*.ts', 'test/**/*.ts'],
    ignores: ['electron/main/**', 'electron/preload/**', 'test/electron/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [electronOnlyInTheShell] }],
    },
  },
  {
    // The engine (core) runs under any door: it never imports a door, the IPC wire contracts (it speaks
    // shared/model), the demo, test code or Electron. Its own tests may use test/ helpers and the fakes.
    files: ['electron/core/**/*.ts'],
    ignores: ['electron/core/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnlyInTheShell],
          patterns: [
            { regex: '(^|/)fronts/', message: 'core never imports a door: the doors (fronts) call core.' },
            { regex: '(^|/)shared/ipc/', message: 'core speaks shared/model; the IPC contracts belong to the doors.' },
            { regex: '(^|/)test/', message: 'core never imports test code.' },
            { regex: '(^|/)demo/', message: 'core never imports the demo (electron/demo): the demo drives core from beside it.' },
          ],
        },
      ],
    },
  },
  {
    // The engine's data access is asynchronous: a promise nobody awaits is a write that may land after
    // its transaction, or an error nobody sees. Type-aware, so the checker knows what returns a promise.
    files: ['electron/**/*.ts', 'shared/**/*.ts', 'test/**/*.ts', 'scripts/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  ...doorRule('cli', ['ipc', 'web-host']),
  ...doorRule('ipc', ['cli', 'web-host']),
  // The web host is the IPC door over HTTP: it may use ipc/, never the CLI.
  ...doorRule('web-host', ['cli']),
  {
    // The renderer is a web page: no Node, no Electron, no engine code.
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['electron', 'node:*', '**/electron/**', 'better-sqlite3', 'drizzle-orm*'], message: 'The renderer talks to main through shared/ contracts only.' }] },
      ],
    },
  },
);
