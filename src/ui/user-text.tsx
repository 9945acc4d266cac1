import { useLayoutEffect, useRef, useState } from 'react'
import styled from 'styled-components'
import { withoutBidiControls } from './display-text'

const Clamp = styled.bdi<{ $lines: number }>`
  display: -webkit-inline-box;
  -webkit-box-orient: vertical;
  -webkit-line-clamp: ${(p) => p.$lines};
  overflow: hidden;
  overflow-wrap: anywhere;
`

interface UserTextProps {
  /** Text from the CRM (a name, an address): any length, any script, possibly hostile. */
  readonly text: string
  /** How many lines it may take before it is cut with an ellipsis. */
  readonly lines?: number
  readonly 'data-testid'?: string
}

/**
 * Text someone else wrote, shown as itself: isolated from the text around it (`<bdi>`, whose
 * direction follows its first strong letter), without bidi controls that would make it display as
 * something else, and clamped to a few lines. The whole text stays in the DOM (screen readers read
 * it all) and, once it is cut, in the `title` a pointer shows.
 */
export function UserText({ text, lines = 3, 'data-testid': testId }: UserTextProps) {
  const shown = withoutBidiControls(text)
  const ref = useRef<HTMLElement>(null)
  const [cut, setCut] = useState(false)
  useLayoutEffect(() => {
    const element = ref.current
    // jsdom lays nothing out and has no ResizeObserver: nothing is ever cut there.
    if (!element || typeof ResizeObserver === 'undefined') return
    const measure = (): void => setCut(element.scrollHeight > element.clientHeight + 1)
    measure()
    const observer = new ResizeObserver(measure)
    observer.observe(element)
    return () => observer.disconnect()
  }, [shown, lines])
  return (
    <Clamp ref={ref} $lines={lines} title={cut ? shown : undefined} data-testid={testId}>
      {shown}
    </Clamp>
  )
}
