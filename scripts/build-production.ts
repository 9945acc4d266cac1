import { spawnSync } from 'node:child_process'
import { join, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')

/**
 * `vite build` as it ships: NODE_ENV=production whatever the caller's. Vitest sets NODE_ENV=test,
 * and a build that inherits it keeps libraries' development code (styled-components' warnings,
 * with their http:// help links), which Zendesk's upload check then flags. `packageDir` is the
 * package root the build writes (the bundle goes to its assets/); dist/ by default.
 */
export function buildForProduction(packageDir = join(root, 'dist')): void {
  const build = spawnSync(
    join(root, 'node_modules/.bin/vite'),
    ['build', '--mode', 'production', '--logLevel', 'warn', '--outDir', join(packageDir, 'assets')],
    { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } }
  )
  if (build.status !== 0) throw new Error('vite build failed.')
}
