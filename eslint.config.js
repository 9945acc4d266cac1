import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import jsxA11y from 'eslint-plugin-jsx-a11y'
import boundaries from 'eslint-plugin-boundaries'
import { importX, createNodeResolver } from 'eslint-plugin-import-x'
import globals from 'globals'

/**
 * The folders of docs/architecture.md, one element each. A file belongs to the deepest folder that
 * matches (src/crm/hubspot, not src/crm); between patterns of the same depth the first one listed
 * wins (features/shared before the other features).
 */
const elements = [
  { type: 'domain', pattern: 'src/domain' },
  { type: 'mapping', pattern: 'src/mapping' },
  { type: 'settings', pattern: 'src/settings' },
  { type: 'crm-http', pattern: 'src/crm/http' },
  { type: 'crm-provider', pattern: 'src/crm/*', capture: ['provider'] },
  // Files at the top of src/crm (create-connector.ts): they pick the connector.
  { type: 'crm-picker', pattern: 'src/crm' },
  { type: 'zendesk', pattern: 'src/zendesk' },
  { type: 'slack', pattern: 'src/slack' },
  { type: 'cache', pattern: 'src/cache' },
  { type: 'features-shared', pattern: 'src/features/shared' },
  { type: 'feature', pattern: 'src/features/*', capture: ['feature'] },
  { type: 'ui', pattern: 'src/ui' },
  { type: 'i18n', pattern: 'src/i18n' },
  { type: 'app', pattern: 'src/app' },
  { type: 'test-support', pattern: 'src/test-support' },
  // Files at the top of src/: the entry (main.ts) and the unit tests' setup.
  { type: 'entry', pattern: 'src' },
  { type: 'emulators', pattern: 'emulators' },
  { type: 'scripts', pattern: 'scripts' },
  { type: 'tests', pattern: 'tests' },
]
const SRC = elements.filter(({ pattern }) => pattern.startsWith('src/')).map(({ type }) => type)

/** Values and types may be imported from these. */
const to = (...types) => ({ to: { element: { types: { anyOf: types } } } })
/** Only `import type` from these: the shape of their data, never their code. */
const typesOf = (...types) => ({ ...to(...types), dependency: { kind: 'type' } })

/**
 * One allow-list per folder, from the table in docs/architecture.md; anything not listed is an
 * error (`default: 'disallow'`). Imports inside one element are always allowed.
 */
const allowed = {
  entry: [to('app', 'zendesk', 'i18n')],
  domain: [],
  mapping: [],
  settings: [to('domain', 'mapping')],
  'crm-http': [to('domain'), typesOf('zendesk')],
  'crm-provider': [to('domain', 'settings', 'crm-http', 'mapping')],
  'crm-picker': [to('domain', 'settings', 'crm-http', 'crm-provider')],
  zendesk: [to('domain')],
  slack: [to('domain'), typesOf('zendesk')],
  cache: [to('domain')],
  'features-shared': [to('domain', 'i18n', 'ui'), typesOf('settings')],
  feature: [to('domain', 'i18n', 'ui', 'features-shared'), typesOf('settings')],
  ui: [to('i18n'), typesOf('settings')],
  i18n: [],
  app: [to(...SRC.filter((type) => type !== 'entry'))],
  'test-support': [to(...SRC.filter((type) => type !== 'entry'))],
  // adr/0001: emulators and scripts never import src/; scripts start the emulators and reuse tests/support;
  // tests import src/ (what they test) and emulators (what they test against).
  emulators: [],
  scripts: [to('emulators', 'tests')],
  tests: [to(...SRC, 'emulators')],
}

const dependencyPolicies = [
  ...Object.entries(allowed).flatMap(([type, rules]) =>
    rules.map((rule) => ({ from: { element: { type } }, allow: rule }))
  ),
  // Component and hook tests render through src/test-support, wherever they sit.
  { from: { file: { categories: 'test' } }, allow: to('test-support') },
]

/** Packages a layer must not reach for, whatever its allow-list says about our own folders. */
const packages = (...sources) => ({ to: { module: { origin: 'external', source: sources } } })
const UI_PACKAGES = ['react', 'react-dom', 'react-dom/*', '@zendeskgarden/*', 'styled-components']
const packagePolicies = [
  { allow: { to: { module: { origin: ['external', 'core'] } } } },
  {
    from: { element: { types: { anyOf: ['domain', 'mapping'] } } },
    disallow: packages(...UI_PACKAGES, 'axios', 'zod', 'zod/*', 'zendesk_app_framework_sdk'),
    message: 'domain/ and mapping/ are pure TypeScript.',
  },
  {
    from: {
      element: {
        types: { anyOf: ['settings', 'crm-http', 'crm-provider', 'crm-picker', 'zendesk', 'slack', 'cache'] },
      },
    },
    disallow: packages(...UI_PACKAGES),
    message: 'Adapters never import UI.',
  },
  {
    from: { element: { types: { anyOf: ['feature', 'features-shared', 'ui'] } } },
    disallow: packages('axios', 'zendesk_app_framework_sdk'),
    message: 'Features reach services only through the ports in the services context.',
  },
]

const sourceFiles = ['{src,emulators,scripts,tests}/**/*.{ts,tsx}']

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'tmp/**', 'dist-zip/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // Type-aware rules: a promise nobody awaits or catches is a lost error or a race.
    files: sourceFiles,
    // Two programs, as `npm run typecheck` builds them: the project service would look only for
    // tsconfig.json, which does not cover the Node side (tsconfig.node.json).
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.json', './tsconfig.node.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    rules: { ...reactHooks.configs.recommended.rules, ...jsxA11y.flatConfigs.recommended.rules },
  },
  {
    files: sourceFiles,
    plugins: { boundaries },
    settings: {
      'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js', '.json'] } },
      'boundaries/elements': elements,
      'boundaries/files': [{ category: 'test', pattern: '**/*.test.{ts,tsx}' }],
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          checkAllOrigins: true,
          policies: [...dependencyPolicies, ...packagePolicies],
          message:
            '{{from.type}} may not import {{to.type}} (docs/architecture.md, one allow-list per folder)',
        },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.json'] })],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
    },
    rules: { 'import-x/no-cycle': 'error' },
  }
)
