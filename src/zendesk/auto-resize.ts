import type { ZafClient } from './zaf-client'

/**
 * Keeps the sidebar iframe exactly as tall as the app's content: no fixed height and no inner
 * scrollbar. Resizes at most once per animation frame and only when the height really changed.
 */
export function autoResize(client: ZafClient, element: HTMLElement): () => void {
  let lastHeight = -1
  let frame = 0
  const measure = (): void => {
    frame = 0
    const height = Math.ceil(element.getBoundingClientRect().height)
    if (height === lastHeight) return
    lastHeight = height
    void client.invoke('resize', { width: '100%', height: `${height}px` })
  }
  const observer = new ResizeObserver(() => {
    if (!frame) frame = requestAnimationFrame(measure)
  })
  observer.observe(element)
  return () => {
    observer.disconnect()
    if (frame) cancelAnimationFrame(frame)
  }
}
