import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

// Test helpers for the emulator's own tests: a throwaway app folder and a stand-in CRM.

export const TEST_MANIFEST = {
  name: 'Success Bridge',
  version: '1.2.3',
  domainWhitelist: ['*.my.salesforce.com'],
  // Two more locations, in both manifest forms; new_ticket_sidebar is left out on purpose.
  location: {
    support: {
      ticket_sidebar: { url: 'assets/index.html', flexible: true },
      user_sidebar: 'assets/index.html',
      organization_sidebar: { url: 'assets/index.html' },
    },
  },
  parameters: [
    { name: 'crm_api_token', type: 'text', secure: true, scopes: ['header'] },
    { name: 'crm_base_url', type: 'url' },
    { name: 'crm_provider', type: 'text', default: 'salesforce' },
  ],
}

/** A minimal built app: manifest.json, assets/index.html and one script. Remove it with `dispose`. */
export function makeAppDir(manifest: unknown = TEST_MANIFEST): { dir: string; dispose(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'sb-zendesk-app-'))
  mkdirSync(join(dir, 'assets'))
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest))
  writeFileSync(
    join(dir, 'assets', 'index.html'),
    '<!doctype html><script type="module" src="./app.js"></script>'
  )
  writeFileSync(join(dir, 'assets', 'app.js'), 'document.body.append("app")')
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) }
}

export interface SeenRequest {
  method: string
  url: string
  headers: IncomingHttpHeaders
  body: string
}

/**
 * A stand-in CRM that records exactly what reached it (headers included) and answers without
 * echoing them, so a test can tell what the proxy sent from what the proxy returned.
 * `/missing` → 404, `/slow` never answers, `/text` → text/plain, anything else → JSON {path}.
 */
export async function startRecordingServer(): Promise<{
  url: string
  seen: SeenRequest[]
  close(): Promise<void>
}> {
  const seen: SeenRequest[] = []
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      seen.push({
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      })
      if (req.url === '/slow') return
      if (req.url === '/text')
        return void res.writeHead(200, { 'Content-Type': 'text/plain' }).end('plain words')
      res.writeHead(req.url === '/missing' ? 404 : 200, {
        'Content-Type': 'application/json',
        'X-Echo': 'yes',
      })
      res.end(JSON.stringify({ path: req.url }))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  return {
    url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
    seen,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
