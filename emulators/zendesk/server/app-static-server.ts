import { createReadStream, statSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { extname, join, normalize, sep } from 'node:path'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
}

/** Serves the built app from its own origin, as Zendesk serves app assets from a separate domain. */
export function createAppStaticServer(appDir: string): Server {
  const root = normalize(appDir + sep)
  return createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://app.local').pathname)
    const file = normalize(join(root, pathname))
    let isFile = false
    try {
      isFile = file.startsWith(root) && statSync(file).isFile()
    } catch {
      isFile = false
    }
    if (!isFile) {
      res.writeHead(404, { 'Content-Type': 'text/plain' })
      return void res.end('Not found')
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream'
    res.writeHead(200, { 'Content-Type': type, 'Cache-Control': type.startsWith('text/html') ? 'no-cache' : 'public, max-age=3600' })
    createReadStream(file).pipe(res)
  })
}
