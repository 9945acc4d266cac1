import type { CrashTexts } from './crash-text'

declare global {
  /** Defined by vite.config.ts from translations/*.json: every locale's `crash` messages. */
  const __CRASH_TEXTS__: CrashTexts
}
