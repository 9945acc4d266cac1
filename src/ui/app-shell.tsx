import type { ReactNode } from 'react'
import styled, { createGlobalStyle } from 'styled-components'
import { DEFAULT_THEME, ThemeProvider, getColor } from '@zendeskgarden/react-theming'
import type { Translator } from '../i18n/translator'
import { I18nProvider } from '../i18n/i18n-context'
import { ErrorBoundary } from './error-boundary'
import { MessageView } from './message-view'

// No min-height, no body padding: the iframe is sized to exactly this content.
const GlobalStyle = createGlobalStyle`
  html, body { margin: 0; background: transparent; }
  body {
    font-family: ${(p) => p.theme.fonts.system};
    font-size: ${(p) => p.theme.fontSizes.md};
    line-height: ${(p) => p.theme.lineHeights.md};
    color: ${(p) => getColor({ theme: p.theme, variable: 'foreground.default' })};
  }
  ul { margin: 4px 0; padding-inline-start: 20px; }
`

// A little room on every side so focus rings are not clipped by the iframe edge.
const Frame = styled.main`
  padding: ${(p) => p.theme.space.xxs} ${(p) => p.theme.space.xxs} ${(p) => p.theme.space.xs};
`

/** Theme, translations and the crash fallback every location shares. */
export function AppShell({ translator, children }: { translator: Translator; children: ReactNode }) {
  const rtl = /^(ar|he|fa|ur)\b/.test(translator.locale)
  return (
    <ThemeProvider theme={{ ...DEFAULT_THEME, rtl }}>
      <GlobalStyle />
      <I18nProvider translator={translator}>
        <Frame dir={rtl ? 'rtl' : 'ltr'} lang={translator.language}>
          <ErrorBoundary
            fallback={
              <MessageView
                type="error"
                title={translator.t('crash.title')}
                body={translator.t('crash.body')}
              />
            }
          >
            {children}
          </ErrorBoundary>
        </Frame>
      </I18nProvider>
    </ThemeProvider>
  )
}
