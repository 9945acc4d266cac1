import { Fragment } from 'react'
import { withoutBidiControls } from './display-text'

/**
 * An email address that wraps between its parts ("dana.whitfield / @successbridge / .example"),
 * not in the middle of a word: a break opportunity before each `@` and `.`. Isolated like any text
 * from the CRM, and written left to right, as addresses are read in every language.
 */
export function EmailText({ address }: { address: string }) {
  const parts = withoutBidiControls(address).split(/(?=[@.])/)
  return (
    <bdi dir="ltr">
      {parts.map((part, i) => (
        <Fragment key={i}>
          {i > 0 && <wbr />}
          {part}
        </Fragment>
      ))}
    </bdi>
  )
}
