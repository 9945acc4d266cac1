import styled from 'styled-components'

// Read by screen readers, not shown: the visible state already says the same thing in its own place.
const Hidden = styled.span`
  position: absolute;
  width: 1px;
  height: 1px;
  margin: -1px;
  padding: 0;
  overflow: hidden;
  clip-path: inset(50%);
  white-space: nowrap;
  border: 0;
`

/**
 * A polite live region that is in the page before its text changes. Screen readers announce a
 * change of text in an existing region reliably; a new `role=status` element that arrives with its
 * text already inside is often missed. Render it once, unconditionally, and change `text`.
 */
export function LiveStatus({ text, testId }: { text: string; testId?: string }) {
  return (
    <Hidden role="status" aria-live="polite" aria-atomic="true" data-testid={testId}>
      {text}
    </Hidden>
  )
}
