import { defineConfig } from 'vitest/config'

// Four projects, one `vitest run`: fast jsdom tests beside the app code, node-side unit tests of the
// emulators and scripts, contract tests (connectors over real HTTP against the CRM emulator) and
// end-to-end tests (real Chromium, real ZAF SDK, both emulators). `npm test` runs them all.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'jsdom',
          include: ['src/**/*.test.{ts,tsx}'],
          setupFiles: ['src/test-setup.ts'],
          // Garden's first render in jsdom is slow on a busy 2-core machine; a timeout is not a speed test.
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['emulators/**/*.test.ts', 'scripts/**/*.test.ts'],
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'contract',
          environment: 'node',
          include: ['tests/contract/**/*.test.ts'],
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // One browser at a time: the machine has two cores and the emulators share them.
          fileParallelism: false,
        },
      },
    ],
  },
})
