import { createReadStream } from 'node:fs'
import { realpath, stat } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import { extname, resolve, sep } from 'node:path'
import { sendText } from './http-helpers'

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
}

/** The file a request path names inside `root`, or null if it names nothing servable there. */
export async function resolveAppFile(root: string, requestPath: string): Promise<string | null> {
  let decoded: string
  try {
    decoded = decodeURIComponent(requestPath)
  } catch {
    return null
  }
  if (decoded.includes('\0')) return null
  const candidate = resolve(root, `.${decoded.startsWith('/') ? decoded : `/${decoded}`}`)
  if (candidate !== root && !candidate.startsWith(root + sep)) return null
  try {
    // Resolve symlinks too: a link inside the app folder must not lead out of it.
    const real = await realpath(candidate)
    if (!real.startsWith(root + sep)) return null
    return (await stat(real)).isFile() ? real : null
  } catch {
    return null
  }
}

/**
 * Serves the built app from its own origin (Zendesk serves app assets from a separate domain, so
 * the app is a cross-origin iframe). Files under `appDir` only.
 */
export async function createAppStaticServer(appDir: string): Promise<Server> {
  const root = await realpath(resolve(appDir))
  return createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return sendText(res, 405, 'Method not allowed', { Allow: 'GET, HEAD' })
    const pathname = (req.url ?? '/').split(/[?#]/)[0] ?? '/'
    void resolveAppFile(root, pathname).then((file) => {
      if (!file) return sendText(res, 404, 'Not found')
      const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream'
      res.writeHead(200, {
        'Content-Type': type,
        // The page must be re-read on each load (new bundle names after a rebuild); hashed assets may be cached.
        'Cache-Control': type.startsWith('text/html') ? 'no-cache' : 'public, max-age=3600',
        'X-Content-Type-Options': 'nosniff',
      })
      if (req.method === 'HEAD') return void res.end()
      createReadStream(file)
        .on('error', () => res.destroy())
        .pipe(res)
    })
  })
}
