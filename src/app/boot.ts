/**
 * Everything after the first paint: settings, connectors, axios, zod and the card itself. main.tsx
 * starts loading this chunk at once, in parallel with the ZAF handshake, so the skeleton paints
 * from a small initial bundle without delaying the card (see docs/adr/0004-split-load-path.md).
 */
export { compose } from './compose'
export { App } from './app'
