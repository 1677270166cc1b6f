// Lint: JavaScript and TypeScript recommendations, and the rooms of the house (ARCHITECTURE.md):
// a plugin imports Strapi, libraries, its own files and src/plugins/shared, never the app or
// another plugin; the shared module imports no plugin; nothing imports a test.
import fs from 'node:fs';
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import importPlugin from 'eslint-plugin-import';
import tseslint from 'typescript-eslint';

const plugins = fs
  .readdirSync('src/plugins', { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name !== 'shared')
  .map((entry) => entry.name);

const rooms = [
  // The app's code (src outside plugins, config) is not a plugin's to import.
  { target: './src/plugins', from: './src', except: ['./plugins'], message: 'A plugin does not import the app.' },
  { target: './src/plugins', from: './config', message: 'A plugin does not import the app: it reads its configuration.' },
  ...plugins.map((name) => ({
    target: `./src/plugins/${name}`,
    from: './src/plugins',
    except: [`./${name}`, './shared'],
    message: 'Plugins do not import each other: share through src/plugins/shared (types, contracts) and configuration.',
  })),
  { target: './src/plugins/shared', from: './src/plugins', except: ['./shared'], message: 'The shared module imports no plugin.' },
  { target: './src', from: './tests', message: 'The app does not import tests.' },
];

export default tseslint.config(
  { ignores: ['dist/', 'build/', '.tmp/', '.strapi/', 'node_modules/', 'types/generated/', 'public/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    plugins: { import: importPlugin },
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
    settings: {
      'import/resolver': { typescript: { project: ['tsconfig.json', 'tests/tsconfig.json'], noWarnOnMultipleProjects: true }, node: true },
    },
    rules: {
      'import/no-restricted-paths': ['error', { zones: rooms }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      '@typescript-eslint/no-require-imports': 'off',
      // Text is cleaned of control characters on purpose (feeds, search, NUL in queries).
      'no-control-regex': 'off',
    },
  },
  {
    // The admin panel's code runs in the browser (src/admin/tsconfig.json compiles it).
    files: ['src/admin/**', 'src/plugins/*/admin/**'],
    languageOptions: { globals: { ...globals.browser } },
    settings: {
      'import/resolver': { typescript: { project: ['src/admin/tsconfig.json'] }, node: true },
    },
  },
  {
    // Parsed documents (JSON, XML, iCalendar) are read as they come in tests.
    files: ['tests/**', '**/__tests__/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  prettier,
);
