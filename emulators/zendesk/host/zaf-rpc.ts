import * as z from 'zod/mini'
import type { HostData } from './host-data'
import { resolvePath } from './zaf-objects'

// The SDK's get/set/invoke calls: `{id, request, params}` in, `{id, result: {..., errors}}` out.
// Pure apart from mutating `data` on `set`; what the page must do (resize, toast…) comes back as effects.

export const rpcRequestSchema = z.union([
  z.looseObject({
    id: z.number(),
    request: z.literal('get'),
    params: z.union([z.string(), z.array(z.string())]),
  }),
  z.looseObject({ id: z.number(), request: z.literal('set'), params: z.record(z.string(), z.unknown()) }),
  z.looseObject({
    id: z.number(),
    request: z.literal('invoke'),
    params: z.record(z.string(), z.array(z.unknown())),
  }),
])
export type RpcRequest = z.infer<typeof rpcRequestSchema>

export interface ApiError {
  name: string
  message: string
  path: string
}

export type HostEffect =
  | { kind: 'resize'; width: string | null; height: string | null }
  | { kind: 'notify'; message: string; type: string }
  | { kind: 'subject-changed'; subject: string }

export interface RpcReply {
  id: number
  result: Record<string, unknown> & { errors: Record<string, ApiError> }
}

export function noSuchApi(path: string): ApiError {
  return { name: 'APIUnavailable', message: `"${path}" No such API`, path }
}

/** The invoke actions a ticket_sidebar app may call here; anything else is "No such API". */
export const SUPPORTED_ACTIONS: ReadonlySet<string> = new Set([
  'resize',
  'notify',
  'track',
  'instances.create',
])

// Sizes arrive as CSS strings ("321px", "100%") or bare numbers (pixels).
const cssSize = z.union([
  z.string().check(z.regex(/^\d+(\.\d+)?(px|%)?$/)),
  z.number().check(z.nonnegative()),
])
const resizeArgs = z.tuple([z.object({ width: z.optional(cssSize), height: z.optional(cssSize) })])
const notifyArgs = z.tuple([z.union([z.string(), z.number()])], z.unknown())

function toCss(size: string | number | undefined): string | null {
  if (size === undefined) return null
  return typeof size === 'number' || /^\d+(\.\d+)?$/.test(size) ? `${size}px` : size
}

export function answerRpc(data: HostData, request: RpcRequest): { reply: RpcReply; effects: HostEffect[] } {
  const errors: Record<string, ApiError> = {}
  const result: RpcReply['result'] = { errors }
  const effects: HostEffect[] = []

  if (request.request === 'get') {
    for (const path of typeof request.params === 'string' ? [request.params] : request.params) {
      const resolved = resolvePath(data, path)
      if (resolved.found) result[path] = resolved.value
      else errors[path] = noSuchApi(path)
    }
  } else if (request.request === 'set') {
    for (const [path, value] of Object.entries(request.params)) {
      // The subject is the one ticket field an app may write here; it changes the (unsaved) ticket form.
      if (path === 'ticket.subject' && typeof value === 'string' && data.ticket) {
        data.ticket.subject = value
        result[path] = value
        effects.push({ kind: 'subject-changed', subject: value })
      } else errors[path] = noSuchApi(path)
    }
  } else {
    for (const [action, args] of Object.entries(request.params)) {
      if (action === 'resize') {
        const size = resizeArgs.safeParse(args)
        if (!size.success)
          errors[action] = {
            name: 'InvalidArgument',
            message: 'resize expects {width, height}',
            path: action,
          }
        else
          effects.push({
            kind: 'resize',
            width: toCss(size.data[0].width),
            height: toCss(size.data[0].height),
          })
      } else if (action === 'notify') {
        const note = notifyArgs.safeParse(args)
        if (!note.success)
          errors[action] = { name: 'InvalidArgument', message: 'notify expects a message', path: action }
        else
          effects.push({
            kind: 'notify',
            message: String(note.data[0]),
            type: typeof args[1] === 'string' ? args[1] : 'notice',
          })
      } else if (!SUPPORTED_ACTIONS.has(action)) errors[action] = noSuchApi(action)
      // track and instances.create: acknowledged so nothing waits on them; nothing else to do here.
    }
  }
  return { reply: { id: request.id, result }, effects }
}
