import type { ReactNode } from 'react'
import styled, { createGlobalStyle } from 'styled-components'
import { ThemeProvider, getColor } from '@zendeskgarden/react-theming'
import type { Translator } from '../i18n/translator'
import { I18nProvider } from '../i18n/i18n-context'
import { appTheme } from './app-theme'
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

// A little room on every side so focus rings are not clipped by the iframe edge. A word too long
// for the line (an error code such as INSUFFICIENT_ACCESS_OR_READONLY, a name from the CRM) breaks
// rather than pushing the sidebar sideways: at 200% zoom it is 160 CSS px wide (WCAG 1.4.10).
const Frame = styled.main`
  padding: ${(p) => p.theme.space.xxs} ${(p) => p.theme.space.xxs} ${(p) => p.theme.space.xs};
  overflow-wrap: anywhere;
`

/** Theme, translations and the crash fallback every location shares. */
export function AppShell({ translator, children }: { translator: Translator; children: ReactNode }) {
  const rtl = /^(ar|he|fa|ur)\b/.test(translator.locale)
  return (
    <ThemeProvider theme={appTheme(rtl)}>
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
