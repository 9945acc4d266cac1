import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import jsxA11y from 'eslint-plugin-jsx-a11y'
import globals from 'globals'

/**
 * The dependency rules of docs/architecture.md, enforced: each folder lists what it must not import.
 */
const layer = (files, forbidden) => ({
  files,
  rules: {
    'no-restricted-imports': [
      'error',
      { patterns: forbidden.map(({ group, message }) => ({ group, message })) },
    ],
  },
})

const outsideSrc = {
  group: ['**/emulators/**', '**/scripts/**', '**/tests/**'],
  message: 'src/ never imports emulators, scripts or tests.',
}

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
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    rules: { ...reactHooks.configs.recommended.rules, ...jsxA11y.flatConfigs.recommended.rules },
  },
  layer(
    ['src/domain/**'],
    [
      {
        group: [
          'react',
          'react-*',
          'axios',
          'zod',
          'zod/*',
          'zendesk_app_framework_sdk',
          '@zendeskgarden/*',
          'styled-components',
        ],
        message: 'domain/ is pure TypeScript.',
      },
      { group: ['../*', '!../domain'], message: 'domain/ imports nothing outside itself.' },
      outsideSrc,
    ]
  ),
  layer(
    ['src/crm/**', 'src/zendesk/**', 'src/cache/**', 'src/settings/**'],
    [
      {
        group: ['**/features/**', '**/app/**', '**/ui/**', 'react', 'react-dom', '@zendeskgarden/*'],
        message: 'Adapters never import UI or the composition root.',
      },
      outsideSrc,
    ]
  ),
  layer(
    ['src/features/**', 'src/ui/**'],
    [
      {
        group: [
          'axios',
          'zendesk_app_framework_sdk',
          '**/crm/**',
          '**/zendesk/**',
          '**/cache/**',
          '**/app/**',
        ],
        message: 'Features reach services only through the ports in the services context.',
      },
      outsideSrc,
    ]
  ),
  layer(['src/app/**', 'src/main.tsx', 'src/i18n/**'], [outsideSrc]),
  layer(
    ['emulators/**', 'scripts/**'],
    [{ group: ['**/src/**'], message: 'Emulators and scripts never import app runtime code.' }]
  )
)
