import { fstatSync } from 'node:fs'

interface Closeable {
  close(): Promise<void>
}

/** How long stopping may take before the process exits anyway (a hung socket must not keep ports). */
const CLOSE_DEADLINE_MS = 3000
const PARENT_POLL_MS = 500

/**
 * Ties the demo's servers to the life of whoever started them. They all live in this process, so
 * ending it frees every port; what matters is ending it whenever the demo was asked to stop or its
 * launcher has gone:
 * - SIGINT, SIGTERM and SIGHUP (a closed terminal);
 * - the parent process going away: `npm start` runs us under `sh -c`, and npm passes SIGTERM only
 *   to that shell, which dies without passing it on, so we are left behind, re-parented;
 * - standard input, when it is a pipe, reaching its end: the process that spawned `npm start`
 *   (a test runner, an editor) has exited, even if npm and its shell are still there. A terminal,
 *   a file or /dev/null as input is left alone (reading a terminal from the background would stop us).
 */
export function demoLifetime(): {
  add(server: Closeable): void
  stop(exitCode: number): Promise<never>
} {
  const servers: Closeable[] = []
  let stopping: Promise<never> | null = null

  const stop = (exitCode: number): Promise<never> => {
    stopping ??= (async () => {
      setTimeout(() => process.exit(exitCode), CLOSE_DEADLINE_MS).unref()
      await Promise.allSettled(servers.map((server) => server.close()))
      process.exit(exitCode)
    })()
    return stopping
  }

  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const)
    process.on(signal, () => {
      // A second Ctrl+C while closing means "now".
      if (stopping) process.exit(0)
      void stop(0)
    })

  const parent = process.ppid
  setInterval(() => {
    if (process.ppid !== parent || !isRunning(parent)) void stop(0)
  }, PARENT_POLL_MS).unref()

  if (stdinIsPipe()) {
    process.stdin.on('end', () => void stop(0))
    process.stdin.on('error', () => void stop(0))
    process.stdin.resume()
  }

  return { add: (server) => void servers.push(server), stop }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: it exists but belongs to someone else, so it is running.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function stdinIsPipe(): boolean {
  try {
    const stat = fstatSync(0)
    return stat.isFIFO() || stat.isSocket()
  } catch {
    return false
  }
}

/**
 * One line for a port the demo could not listen on (busy, or privileged), or null for any other
 * error. Node's listen errors carry the port; a raw EADDRINUSE stack names it only in passing.
 */
export function listenProblem(error: unknown): string | null {
  const { code, port } = (error ?? {}) as { code?: unknown; port?: unknown }
  const how =
    'Start on other ports with: npm start -- --port <N> (the demo uses N, N+1, N+10 and N+20), or --port 0 for any free ones.'
  if (code === 'EADDRINUSE')
    return `Port ${String(port)} is already in use (is another demo running?). ${how}`
  if (code === 'EACCES') return `Port ${String(port)} needs privileges this process does not have. ${how}`
  return null
}
