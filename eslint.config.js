// @ts-check
/**
 * ESLint flat config for Hearth.
 *
 * Besides the usual recommended sets, this file enforces the zone boundaries described in
 * ARCHITECTURE.md ("Four zones") with `no-restricted-imports`, and the "no raw text in JSX" rule
 * of the i18n section. Both are exercised by scripts/eslint-boundaries.test.ts: when you change a
 * rule here, add a case there.
 *
 * Zone boundaries and relative imports
 * ------------------------------------
 * `no-restricted-imports` only sees the import string, not the file it resolves to. A loose
 * pattern such as `**\/electron/**` would also flag a harmless `./electron` inside renderer/bridge.
 * So the relative-path patterns are generated per folder depth: a file in `renderer/a/b/` (depth 3)
 * reaches the project root with exactly three `../`, and `^(\.\.\/){3}electron(\/|$)` then means
 * "the electron/ folder at the project root" and nothing else. `zone()` below emits one config
 * object per depth (up to MAX_DEPTH) with the right patterns. Dynamic `import()` and paths that
 * wander (`../x/../../electron`) are not checked.
 *
 * Flat config does not merge the options of a rule that several objects configure: the last
 * matching object wins. Every file therefore matches exactly one boundary object (production code
 * and tests of a zone are separate objects with complete option sets).
 */
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import react from 'eslint-plugin-react';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const CODE = '{js,jsx,mjs,cjs,ts,tsx,mts,cts}';
const TEST_FILES = [`**/*.test.${CODE}`, `**/*.spec.${CODE}`];
/** Deepest folder (counted from the project root) that the boundary rules cover. */
const MAX_DEPTH = 16;

// ---------------------------------------------------------------------------------------------
// Import patterns
// ---------------------------------------------------------------------------------------------

/** @param {string} s */
const escapeRegex = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * @typedef {import('eslint').Linter.Config} Config
 * @typedef {{ regex: string, message: string, allowTypeImports?: boolean }} Pattern
 * @typedef {(depth: number) => Pattern[]} PatternsAt
 */

/** A bare package specifier, with or without a subpath ('electron', 'electron/main'). */
const pkg = (/** @type {string[]} */ names, /** @type {string} */ message) => ({
  regex: `^(?:${names.map(escapeRegex).join('|')})(?:/|$)`,
  message,
});

const nodeBuiltins = (/** @type {string} */ message) => ({
  regex: `^(?:node:|(?:${[...new Set(builtinModules.map((m) => m.split('/')[0]))]
    .filter((m) => !m.startsWith('_'))
    .map(escapeRegex)
    .join('|')})(?:/|$))`,
  message,
});

/**
 * Regex for a relative import, written in a file `depth` folders below the project root inside
 * `zoneRoot`, that reaches the project path `target` (e.g. 'electron/main'). `target` must lie
 * outside `zoneRoot`.
 * @param {string} zoneRoot @param {number} depth @param {string} target
 */
function reaching(zoneRoot, depth, target) {
  const zone = zoneRoot.split('/');
  const goal = target.split('/');
  const alternatives = [];
  // Climb to the zone root's ancestor with `j` segments, then walk down to the target.
  for (let j = 0; j < zone.length; j++) {
    if (goal.length <= j || zone.slice(0, j).some((segment, i) => goal[i] !== segment)) continue;
    alternatives.push(`(?:\\.\\./){${depth - j}}${goal.slice(j).map(escapeRegex).join('/')}`);
  }
  return `^(?:\\./)?(?:${alternatives.join('|')})(?:/|$)`;
}

/** Relative imports that climb above the project root. */
const outsideProject = (/** @type {number} */ depth) => ({
  regex: `^(?:\\./)?(?:\\.\\./){${depth + 1}}`,
  message: 'This relative import leaves the project folder.',
});

/**
 * Forbid the given project folders (relative to the root) for files in `zoneRoot`.
 * @param {string} zoneRoot @param {string[]} targets @param {(target: string) => string} message
 * @returns {PatternsAt}
 */
const folders = (zoneRoot, targets, message) => (depth) =>
  targets.map((target) => ({ regex: reaching(zoneRoot, depth, target), message: message(target) }));

/**
 * One config object per folder depth for the files of a zone, each with the complete
 * `no-restricted-imports` options for that depth.
 * @param {{ root: string, files: string, ignores?: string[], patterns: PatternsAt[] }} zone
 *   `files` is the file-name glob inside each folder (e.g. `*.${CODE}`).
 * @returns {Config[]}
 */
function zone({ root, files, ignores = [], patterns }) {
  const rootDepth = root.split('/').length;
  /** @type {Config[]} */
  const configs = [];
  for (let depth = rootDepth; depth <= MAX_DEPTH; depth++) {
    configs.push({
      name: `hearth/boundaries ${root} depth ${depth}${files === `*.${CODE}` ? '' : ` (${files})`}`,
      files: [`${root}/${'*/'.repeat(depth - rootDepth)}${files}`],
      ignores,
      rules: {
        'no-restricted-imports': [
          'error',
          { patterns: [outsideProject(depth), ...patterns.flatMap((at) => at(depth))].map((p) => ({ ...p, caseSensitive: true })) },
        ],
      },
    });
  }
  return configs;
}

const constant = (/** @type {Pattern[]} */ ...list) => () => list;

const ELECTRON = pkg(['electron'], "Only electron/main and electron/preload may import 'electron'.");
const REACT = pkg(['react', 'react-dom', 'react-i18next', 'react-router', 'react-hook-form'], 'shared/ runs anywhere: no React here; put UI code in renderer/.');
const SQLITE = pkg(['better-sqlite3'], 'The database lives in electron/core; the renderer talks to it through renderer/bridge.');
const KYSELY = pkg(['kysely'], 'The database lives in electron/core; the renderer talks to it through renderer/bridge.');
const TEST_ONLY = [`*.test.${CODE}`, `*.spec.${CODE}`];

/**
 * The boundary objects of every zone, production files and tests separately.
 * @returns {Config[]}
 */
function boundaries() {
  const sharedMsg = (/** @type {string} */ target) => `shared/ imports nothing from the other zones (${target}/).`;
  const coreMsg = (/** @type {string} */ target) =>
    `electron/core and electron/http are plain Node and never import ${target}/; go through the contract in shared/api.`;
  const rendererMsg = (/** @type {string} */ target) =>
    `renderer/ never imports ${target}/: talk to the core through renderer/bridge and the contract in shared/api.`;
  const coreTargets = ['renderer', 'electron/main', 'electron/preload'];

  return [
    // shared/: runs anywhere. No DOM, no Node, no React, no other zone.
    ...zone({
      root: 'shared',
      files: `*.${CODE}`,
      ignores: TEST_FILES,
      patterns: [
        constant(
          ELECTRON,
          REACT,
          pkg(['better-sqlite3'], 'shared/ runs anywhere: no Node-only packages.'),
          nodeBuiltins('shared/ runs anywhere: no Node built-ins (node:*, fs, path, …).'),
        ),
        folders('shared', ['electron', 'renderer', 'migrations', 'scripts'], sharedMsg),
      ],
    }),
    // Tests of shared/ run in Node under Vitest: Node built-ins are fine, other zones are not.
    ...TEST_ONLY.flatMap((files) =>
      zone({
        root: 'shared',
        files,
        patterns: [constant(ELECTRON), folders('shared', ['electron', 'renderer'], sharedMsg)],
      }),
    ),

    // electron/core and electron/http: plain Node, never 'electron', never the shell or the UI.
    ...['electron/core', 'electron/http'].flatMap((root) =>
      zone({ root, files: `*.${CODE}`, patterns: [constant(ELECTRON), folders(root, coreTargets, coreMsg)] }),
    ),

    // electron/main: the shell may use everything except the renderer's modules (it loads the
    // built renderer, it does not import it).
    ...zone({
      root: 'electron/main',
      files: `*.${CODE}`,
      patterns: [folders('electron/main', ['renderer'], () => 'electron/main loads the built renderer; it never imports renderer/ modules.')],
    }),

    // electron/preload: a few dozen lines that only need 'electron'. Type-only imports from shared/
    // are allowed (they are erased at build time).
    ...zone({
      root: 'electron/preload',
      files: `*.${CODE}`,
      patterns: [
        constant({ regex: '^(?![./])(?!electron(?:/|$))', message: "electron/preload imports only 'electron'." }),
        (depth) => [
          {
            // Climbing out of electron/preload, except into shared/ (handled below).
            regex: `^(?:\\./)?(?:\\.\\./){${depth - 1}}(?!(?:\\.\\./)shared(?:/|$))`,
            message: "electron/preload imports only 'electron' (and types from shared/).",
          },
          {
            regex: reaching('electron/preload', depth, 'shared'),
            message: "electron/preload imports only 'electron'; use `import type` for the contract's types.",
            allowTypeImports: true,
          },
        ],
      ],
    }),

    // renderer/: DOM only. Not the Playwright tests in renderer/e2e nor the Vite config (Node).
    ...zone({
      root: 'renderer',
      files: `*.${CODE}`,
      ignores: ['renderer/e2e/**', 'renderer/**/*.config.*', ...TEST_FILES],
      patterns: [
        constant(
          ELECTRON,
          SQLITE,
          KYSELY,
          nodeBuiltins('renderer/ runs in the browser: no Node built-ins (node:*, fs, path, …).'),
        ),
        folders('renderer', ['electron', 'migrations', 'scripts'], rendererMsg),
      ],
    }),
    ...TEST_ONLY.flatMap((files) =>
      zone({
        root: 'renderer',
        files,
        ignores: ['renderer/e2e/**'],
        patterns: [constant(ELECTRON, SQLITE, KYSELY), folders('renderer', ['electron', 'migrations'], rendererMsg)],
      }),
    ),

    // migrations/: frozen in time, each step imports nothing but kysely. The registry (index.ts)
    // also imports its sibling steps. Tests of migrations may use the core and the database.
    {
      name: 'hearth/boundaries migrations (steps)',
      files: [`migrations/**/*.${CODE}`],
      ignores: ['migrations/index.ts', ...TEST_FILES],
      rules: {
        'no-restricted-imports': [
          'error',
          {
            patterns: [
              {
                regex: '^(?!kysely(?:/|$))',
                caseSensitive: true,
                message: "A migration is frozen in time: it imports nothing but 'kysely'.",
              },
            ],
          },
        ],
      },
    },
    {
      name: 'hearth/boundaries migrations (registry)',
      files: ['migrations/index.ts'],
      rules: {
        'no-restricted-imports': [
          'error',
          {
            patterns: [
              {
                regex: '^(?!kysely(?:/|$))(?!\\./[^/]+$)',
                caseSensitive: true,
                message: "The migration registry imports only 'kysely' and the migration files beside it.",
              },
            ],
          },
        ],
      },
    },
    ...TEST_ONLY.flatMap((files) =>
      zone({ root: 'migrations', files, patterns: [constant(ELECTRON), folders('migrations', coreTargets, coreMsg)] }),
    ),
  ];
}

// ---------------------------------------------------------------------------------------------
// No raw text in JSX
// ---------------------------------------------------------------------------------------------

/** Punctuation that may stand on its own between translated pieces. */
const ALLOWED_JSX_STRINGS = ['·', '—', '–', '-', '/', ':', '×', '…', '(', ')', ',', '.', '|', '•', '+', '%', '*', '→', '←', '#'];
/** Props whose value is read or heard by the user. */
const TEXT_PROPS = [
  'placeholder',
  'title',
  'alt',
  'label',
  'hint',
  'aria-label',
  'aria-description',
  'aria-placeholder',
  'aria-roledescription',
  'aria-valuetext',
];
const HAS_LETTER = '/\\p{L}/u';
const TEXT_ATTR = `JSXAttribute[name.name=/^(?:${TEXT_PROPS.map(escapeRegex).join('|')})$/]`;
const TEXT_LITERAL = `Literal[value=${HAS_LETTER}]`;
const RAW_TEXT_MESSAGE = 'No raw text in the UI: use t() from react-i18next and add the key to shared/i18n/locales.';

const rawTextSelectors = [
  `${TEXT_ATTR} > ${TEXT_LITERAL}`,
  `${TEXT_ATTR} > JSXExpressionContainer > ${TEXT_LITERAL}`,
  `${TEXT_ATTR} > JSXExpressionContainer > :matches(ConditionalExpression, LogicalExpression) > ${TEXT_LITERAL}`,
  `${TEXT_ATTR} > JSXExpressionContainer > TemplateLiteral > TemplateElement[value.raw=${HAS_LETTER}]`,
  // `{busy ? 'Saving…' : 'Save'}` and `{error && 'Failed'}` as children: jsx-no-literals misses them.
  `:matches(JSXElement, JSXFragment) > JSXExpressionContainer > :matches(ConditionalExpression, LogicalExpression) > ${TEXT_LITERAL}`,
].map((selector) => ({ selector, message: RAW_TEXT_MESSAGE }));

// ---------------------------------------------------------------------------------------------

export default tseslint.config(
  {
    name: 'hearth/ignores',
    ignores: [
      '**/node_modules/',
      'dist/',
      'dist-electron/',
      'release/',
      'test-results/',
      'playwright-report/',
      'artifacts/',
      'coverage/',
      '.hearth-data/',
    ],
  },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },

  js.configs.recommended,
  ...tseslint.configs.recommended,

  {
    name: 'hearth/all',
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },

  // Globals per zone (matters for .js/.mjs files; TypeScript checks the .ts ones).
  {
    name: 'hearth/globals node',
    files: [`electron/**/*.${CODE}`, `migrations/**/*.${CODE}`, `scripts/**/*.${CODE}`, `renderer/e2e/**/*.${CODE}`, `*.${CODE}`, `**/*.config.*`],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    name: 'hearth/globals browser',
    files: [`renderer/**/*.${CODE}`],
    ignores: ['renderer/e2e/**', 'renderer/**/*.config.*'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    name: 'hearth/globals shared',
    files: [`shared/**/*.${CODE}`],
    languageOptions: { globals: { ...globals.es2021 } },
  },

  // React in the renderer (not in the Playwright suite, whose fixtures call a `use` of their own).
  {
    name: 'hearth/react',
    ...react.configs.flat.recommended,
    files: [`renderer/**/*.{jsx,tsx}`],
    ignores: ['renderer/e2e/**'],
    languageOptions: { ...react.configs.flat.recommended.languageOptions, globals: { ...globals.browser } },
    settings: { react: { version: 'detect' } },
  },
  { ...react.configs.flat['jsx-runtime'], files: [`renderer/**/*.{jsx,tsx}`], ignores: ['renderer/e2e/**'] },
  {
    name: 'hearth/react-hooks',
    ...reactHooks.configs.flat.recommended,
    files: [`renderer/**/*.{ts,tsx}`],
    ignores: ['renderer/e2e/**'],
    rules: {
      ...reactHooks.configs.flat.recommended.rules,
      // "Compilation skipped" only matters to the React Compiler, which Hearth does not run.
      'react-hooks/incompatible-library': 'off',
    },
  },
  {
    name: 'hearth/react prop-types',
    files: [`renderer/**/*.{jsx,tsx}`],
    rules: { 'react/prop-types': 'off' }, // TypeScript types the props.
  },

  // No raw text in JSX (ARCHITECTURE.md, i18n).
  {
    name: 'hearth/no raw text in JSX',
    files: ['renderer/**/*.tsx'],
    ignores: ['renderer/e2e/**', ...TEST_FILES],
    rules: {
      'react/jsx-no-literals': [
        'error',
        { noStrings: true, ignoreProps: true, noAttributeStrings: false, allowedStrings: ALLOWED_JSX_STRINGS },
      ],
      'no-restricted-syntax': ['error', ...rawTextSelectors],
    },
  },

  ...boundaries(),

  // `Kysely<any>` is how a migration sees a schema it must not depend on.
  {
    name: 'hearth/migrations any',
    files: [`migrations/**/*.${CODE}`],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    name: 'hearth/tests',
    files: TEST_FILES,
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
