import { useEffect, useState } from 'react'

// Zendesk grows the app's iframe to its content asynchronously (the app asks, the host resizes).
const fitsNow = (): boolean => document.documentElement.scrollHeight <= window.innerHeight + 1

// When the host never grows the frame that far (a capped sidebar scrolls), offer the controls anyway.
const GIVE_UP_MS = 1000

/**
 * Whether the iframe has grown to show all of its content. Until then a control near the bottom
 * is outside the frame, and a click aimed at it (after scrolling the frame) lands elsewhere once
 * the frame grows and the content moves: an escalation "ignored" on the first click. Controls that
 * act are offered only once this is true; it never turns false again.
 */
export function useFrameFits(): boolean {
  const [fits, setFits] = useState(fitsNow)
  useEffect(() => {
    if (fits) return
    const check = (): void => {
      if (fitsNow()) setFits(true)
    }
    window.addEventListener('resize', check)
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(check)
    observer?.observe(document.documentElement)
    const giveUp = setTimeout(() => setFits(true), GIVE_UP_MS)
    return () => {
      window.removeEventListener('resize', check)
      observer?.disconnect()
      clearTimeout(giveUp)
    }
  }, [fits])
  return fits
}
