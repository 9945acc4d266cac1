import styled from 'styled-components'
import { getColor } from '@zendeskgarden/react-theming'

/**
 * The card's label/value rows: a definition list, so screen readers pair each label with its value.
 * In a sidebar narrower than 240 CSS px (320 px at 150% zoom and beyond) a label beside its value
 * would leave the value a word's width, so each label sits above its value instead.
 */
export const Rows = styled.dl`
  display: grid;
  grid-template-columns: minmax(64px, auto) minmax(0, 1fr);
  gap: ${(p) => p.theme.space.sm} ${(p) => p.theme.space.md};
  align-items: center;
  margin: ${(p) => p.theme.space.sm} 0 0;

  @media (max-width: 240px) {
    grid-template-columns: minmax(0, 1fr);
    row-gap: 0;

    & > dd {
      margin-bottom: ${(p) => p.theme.space.sm};
    }
  }
`

export const Label = styled.dt`
  color: ${(p) => getColor({ theme: p.theme, variable: 'foreground.subtle' })};
  font-size: ${(p) => p.theme.fontSizes.sm};
`

export const Value = styled.dd`
  display: flex;
  flex-wrap: wrap;
  gap: ${(p) => p.theme.space.xs};
  align-items: center;
  margin: 0;
  min-width: 0;
  overflow-wrap: anywhere;
`

export const Subtle = styled.span`
  color: ${(p) => getColor({ theme: p.theme, variable: 'foreground.subtle' })};
  font-size: ${(p) => p.theme.fontSizes.sm};
`

export const Footer = styled.div`
  display: flex;
  flex-wrap: wrap;
  justify-content: space-between;
  align-items: center;
  gap: ${(p) => p.theme.space.sm};
  margin-top: ${(p) => p.theme.space.md};
`
