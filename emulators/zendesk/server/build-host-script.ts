import { join } from 'node:path'
import { build } from 'esbuild'

/**
 * Bundles host/main.ts for the browser, in memory, once per emulator start. Not minified and no
 * source map: the output stays readable in devtools and small enough to load with every page.
 */
export async function buildHostScript(): Promise<string> {
  const result = await build({
    entryPoints: [join(import.meta.dirname, '..', 'host', 'main.ts')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  })
  const output = result.outputFiles[0]
  if (!output) throw new Error('esbuild produced no host script')
  return output.text
}
