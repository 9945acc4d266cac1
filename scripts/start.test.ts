import { spawn, type ChildProcess } from 'node:child_process'
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import { connect, createServer, type Server } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'

/**
 * `npm start` as a user runs it, in a real process tree: what it listens on, and that every port
 * is free again however the demo is told to stop. The app folder holds only the real manifest (the
 * emulated Zendesk needs nothing else to start), so no build runs and dist/ is never touched.
 */
const root = resolve(import.meta.dirname, '..')
const tsx = join(root, 'node_modules/.bin/tsx')
let appDir = ''
beforeAll(() => {
  appDir = mkdtempSync(join(tmpdir(), 'sb-start-'))
  copyFileSync(join(root, 'manifest.json'), join(appDir, 'manifest.json'))
})
afterAll(() => rmSync(appDir, { recursive: true, force: true }))

const demoArgs = () => ['--port', '0', '--latency', '0', '--app-dir', appDir]

// Whatever a test leaves running is killed with its whole process group.
const started: ChildProcess[] = []
afterEach(() => {
  // Even when the leader has exited: what a failed test is about is what it left behind.
  for (const child of started.splice(0)) {
    try {
      process.kill(-(child.pid ?? 0), 'SIGKILL')
    } catch {
      // the whole group is gone
    }
  }
})

interface Running {
  readonly child: ChildProcess
  /** The agent view, app and CRM ports, once the demo has printed its ready line. */
  readonly ports: Promise<{ host: number; app: number; crm: number }>
  readonly exit: Promise<number | null>
  output(): string
}

/** Starts a process in a group of its own; its input is /dev/null unless `stdin` says 'pipe'. */
function run(command: string, args: string[], stdin: 'ignore' | 'pipe' = 'ignore'): Running {
  const child = spawn(command, args, { cwd: root, detached: true, stdio: [stdin, 'pipe', 'pipe'] })
  started.push(child)
  let text = ''
  const exit = new Promise<number | null>((done) => child.on('exit', (code) => done(code)))
  const ports = new Promise<{ host: number; app: number; crm: number }>((done, fail) => {
    const read = (chunk: Buffer): void => {
      text += chunk.toString()
      const host = /demo: http:\/\/localhost:(\d+)\//.exec(text)?.[1]
      const crm = /at http:\/\/127\.0\.0\.1:(\d+), /.exec(text)?.[1]
      const app = /app files at http:\/\/127\.0\.0\.1:(\d+)/.exec(text)?.[1]
      if (host && crm && app) done({ host: Number(host), app: Number(app), crm: Number(crm) })
    }
    child.stdout?.on('data', read)
    child.stderr?.on('data', read)
    void exit.then((code) => fail(new Error(`the demo exited (${code}) before it was ready:\n${text}`)))
  })
  // A demo that is meant to fail never gets ready; that is not an unhandled rejection.
  ports.catch(() => undefined)
  return { child, ports, exit, output: () => text }
}

function isListening(port: number, host: string): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect({ port, host })
    socket.once('connect', () => {
      socket.destroy()
      done(true)
    })
    socket.once('error', () => done(false))
  })
}

async function allClosed(ports: { host: number; app: number; crm: number }): Promise<boolean> {
  const deadline = Date.now() + 8000
  while (Date.now() < deadline) {
    const open = await Promise.all([
      isListening(ports.host, 'localhost'),
      isListening(ports.app, '127.0.0.1'),
      isListening(ports.crm, '127.0.0.1'),
    ])
    if (!open.includes(true)) return true
    await new Promise((r) => setTimeout(r, 100))
  }
  return false
}

describe('npm start stops every server it started', () => {
  it('on SIGTERM to the script', async () => {
    const demo = run(tsx, ['scripts/start.ts', ...demoArgs()])
    const ports = await demo.ports
    expect(await isListening(ports.crm, '127.0.0.1')).toBe(true)
    demo.child.kill('SIGTERM')
    expect(await allClosed(ports)).toBe(true)
    await demo.exit
  })

  // As from a terminal or a process manager: no input pipe, so only the parent's going can tell.
  it('on SIGTERM to npm, which passes it only to its shell', async () => {
    const demo = run('npm', ['start', '--silent', '--', ...demoArgs()])
    const ports = await demo.ports
    demo.child.kill('SIGTERM')
    expect(await allClosed(ports)).toBe(true)
  })

  it('when the process that ran npm start exits', async () => {
    // A launcher (an editor, a test runner) that spawns `npm start` and then dies without a word.
    // Its pipe to npm's input closes with it: the one sign that reaches the demo through npm.
    const launcher = run(process.execPath, [
      '-e',
      `require('node:child_process').spawn('npm', ['start', '--silent', '--', ...${JSON.stringify(demoArgs())}], { stdio: ['pipe', 'inherit', 'inherit'] })`,
    ])
    const ports = await launcher.ports
    process.kill(launcher.child.pid ?? 0, 'SIGKILL')
    expect(await allClosed(ports)).toBe(true)
  })
})

/** A port the OS says is free, with the three the demo puts next to it (port+1, +10, +20) free too. */
async function freeBasePort(): Promise<number> {
  for (;;) {
    const base = await new Promise<number>((done) => {
      const probe = createServer().listen(0, 'localhost', () => {
        const address = probe.address()
        probe.close(() => done(typeof address === 'object' && address ? address.port : 0))
      })
    })
    if (base > 65515) continue
    const neighbours = await Promise.all(
      [base + 1, base + 10, base + 20].map((p) => isListening(p, '127.0.0.1'))
    )
    if (!neighbours.includes(true)) return base
  }
}

describe('npm start on a busy port', () => {
  let blocker: Server | undefined
  afterEach(() => new Promise<void>((done) => (blocker ? blocker.close(() => done()) : done())))

  it.each([
    ['the agent view', 0, 'localhost'],
    ['the CRM emulator', 10, '127.0.0.1'],
    ['the Slack emulator', 20, '127.0.0.1'],
  ])(
    'names the port %s could not take and how to choose others, without a stack trace',
    async (_, offset, host) => {
      const base = await freeBasePort()
      const busy = base + offset
      blocker = await new Promise<Server>((done) => {
        const server = createServer().listen(busy, host, () => done(server))
      })
      const demo = run(tsx, [
        'scripts/start.ts',
        '--port',
        String(base),
        '--latency',
        '0',
        '--app-dir',
        appDir,
      ])
      expect(await demo.exit).toBe(1)
      const lines = demo
        .output()
        .split('\n')
        .filter((line) => line.trim() !== '')
      expect(lines).toHaveLength(1)
      expect(lines[0]).toContain(`Port ${busy} is already in use`)
      expect(lines[0]).toContain('npm start -- --port <N>')
    }
  )
})
