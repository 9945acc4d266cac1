import { css, type DefaultTheme } from 'styled-components'
import { DEFAULT_THEME, getColor, type IGardenTheme } from '@zendeskgarden/react-theming'

type Styled = { theme: DefaultTheme; $size?: string; $isLink?: boolean }

// Garden sizes buttons and tags to one line and cuts what does not fit ("■ At …", "alate to … Eve
// O'H"). A sidebar at 200% zoom is 160 CSS px wide, so labels wrap instead (WCAG 1.4.10), keeping
// Garden's one-line height as the minimum: a label that fits looks as Garden draws it.
const BUTTON_LINE = { small: [32, 16], medium: [40, 20], large: [48, 24] } as const

const wrappingButton = ({ $size, $isLink }: Styled) => {
  if ($isLink)
    return css`
      white-space: normal;
      overflow-wrap: anywhere;
    `
  const [height, line] = BUTTON_LINE[$size === 'small' || $size === 'large' ? $size : 'medium']
  return css`
    height: auto;
    min-height: ${height}px;
    padding-block: ${(height - 2 - line) / 2}px;
    line-height: ${line}px;
    white-space: normal;
    overflow-wrap: anywhere;
  `
}

const wrappingTag = ({ $size }: Styled) => {
  const [height, line] = $size === 'small' ? [16, 12] : $size === 'large' ? [32, 20] : [20, 16]
  return css`
    height: auto;
    min-height: ${height}px;
    padding-block: ${(height - line) / 2}px;
    line-height: ${line}px;
    white-space: normal;

    & > * {
      overflow: visible;
      white-space: normal;
      overflow-wrap: anywhere;
    }
  `
}

// Garden's resting border of a text field or select is a light grey (about 1.5:1 on white); WCAG
// 1.4.11 asks 3:1 for what shows where a control is. Hover, focus and disabled keep Garden's colours:
// their selectors are more specific than this one.
const visibleControlBorder = ({ theme }: Styled) => css`
  border-color: ${getColor({ theme, variable: 'border.emphasis' })};
`

/** Garden's default theme with the app's few component overrides (Garden's own `components` hook). */
export function appTheme(rtl: boolean): IGardenTheme {
  return {
    ...DEFAULT_THEME,
    rtl,
    components: {
      ...DEFAULT_THEME.components,
      'buttons.button': wrappingButton,
      'tags.tag_view': wrappingTag,
      'forms.input': visibleControlBorder,
      // A select's border is drawn by its wrapper (the select inside is transparent).
      'forms.select_wrapper': visibleControlBorder,
      'forms.textarea': (props: Styled) => css`
        ${visibleControlBorder(props)}
        /* The hidden copy Garden measures an auto-sizing textarea with keeps the width it was given
           when last measured: after the sidebar narrows it spilled 14 px past a 320 px frame. */
        &[aria-hidden='true'] {
          max-width: 100%;
        }
      `,
      // A grid or flex item is as wide as its content by default, and a textarea's content is 20
      // columns wide: the field may be narrower than that.
      'forms.field': css`
        min-width: 0;
      `,
    },
  }
}
