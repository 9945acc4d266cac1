import { useEffect, type RefObject } from 'react'

/** Marks the element that should get the keyboard when the control the agent used is gone. */
export const FOCUS_TARGET = { 'data-focus-target': '' } as const

const HEADING = 'h1, h2, h3, h4, h5, h6, [role="heading"]'

/**
 * Keeps keyboard users in place inside `container`: when the focused control is removed or
 * disabled (Escalate becomes the result, Refresh becomes the card), the browser drops focus to
 * `<body>` and the next Tab starts at the top of the frame. This moves focus to the result: a
 * `[data-focus-target]` that appeared since the agent last moved focus, else one inside the
 * closest part of the page that is still there, else that part's first heading. It acts only while this frame has focus and only when focus
 * was inside the container, so an update that arrives while the agent works elsewhere never
 * takes the keyboard.
 */
export function useFocusRescue(container: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const root = container.current
    if (!root) return
    // The focused element and its ancestors, innermost first, as they were when it got focus.
    let trail: HTMLElement[] = []
    // Focus targets added since the agent last moved focus: the result of what they just did.
    let fresh: HTMLElement[] = []

    const onFocusIn = (event: FocusEvent): void => {
      fresh = []
      trail = []
      for (let node = event.target as HTMLElement | null; node && node !== root; node = node.parentElement)
        trail.push(node)
      trail.push(root)
    }
    const onFocusOut = (event: FocusEvent): void => {
      const next = event.relatedTarget as Node | null
      if (next && !root.contains(next)) trail = []
      // Focus moving to another element: nothing to rescue (during focusout the active element is
      // <body> for a moment). No next element: the control was disabled or removed, or the frame lost
      // focus; look once the browser has settled focus.
      else if (!next) setTimeout(rescue, 0)
    }
    const rescue = (): void => {
      if (trail.length === 0 || !document.hasFocus()) return
      const active = document.activeElement
      if (active && active !== document.body && active !== document.documentElement) return
      const scope = trail.find((node) => node.isConnected && root.contains(node))
      const target =
        fresh.filter((node) => node.isConnected && root.contains(node)).at(-1) ??
        scope?.querySelector<HTMLElement>('[data-focus-target]') ??
        scope?.querySelector<HTMLElement>(HEADING) ??
        root.querySelector<HTMLElement>('[data-focus-target]') ??
        root.querySelector<HTMLElement>(HEADING)
      if (!target) return
      if (!target.matches('a[href], button, input, select, textarea, [tabindex]'))
        target.setAttribute('tabindex', '-1')
      target.focus()
    }

    const observer = new MutationObserver((records) => {
      for (const record of records)
        for (const node of record.addedNodes) {
          if (!(node instanceof HTMLElement)) continue
          if (node.matches('[data-focus-target]')) fresh.push(node)
          fresh.push(...node.querySelectorAll<HTMLElement>('[data-focus-target]'))
        }
      rescue()
    })
    observer.observe(root, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ['disabled'],
    })
    root.addEventListener('focusin', onFocusIn)
    root.addEventListener('focusout', onFocusOut)
    return () => {
      observer.disconnect()
      root.removeEventListener('focusin', onFocusIn)
      root.removeEventListener('focusout', onFocusOut)
    }
  }, [container])
}
