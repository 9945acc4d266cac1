/** POST composite: up to 25 sub-requests, `@{ref.path}` references, allOrNone rolls back tasks. */
import { z } from 'zod'
import { NOT_FOUND, sfError } from './errors'
import type { DialectResponse, SubRequest } from './response'
import type { SalesforceStore } from './store'

/** Routes one sub-request the way a request on its own would go. */
export type Route = (version: string, sub: SubRequest) => DialectResponse

const compositeSchema = z.object({
  allOrNone: z.boolean().optional(),
  collateSubrequests: z.boolean().optional(),
  compositeRequest: z.array(
    z.object({
      method: z.string(),
      url: z.string(),
      referenceId: z.string().regex(/^\w+$/),
      body: z.unknown().optional(),
      httpHeaders: z.record(z.string(), z.string()).optional(),
    })
  ),
})

export function composite(
  store: SalesforceStore,
  route: Route,
  version: string,
  body: string | undefined
): DialectResponse {
  let parsed: z.infer<typeof compositeSchema>
  try {
    parsed = compositeSchema.parse(JSON.parse(body ?? ''))
  } catch {
    return sfError(400, 'JSON_PARSER_ERROR', 'The composite request body is not valid')
  }
  if (parsed.compositeRequest.length > 25)
    return sfError(400, 'LIMIT_EXCEEDED', 'Composite requests are limited to 25 subrequests')

  const snapshot = store.records.Task.map((task) => ({ ...task }))
  const results = new Map<string, unknown>()
  const responses: {
    body: unknown
    httpHeaders: Record<string, string>
    httpStatusCode: number
    referenceId: string
  }[] = []
  let failed = false
  for (const sub of parsed.compositeRequest) {
    if (failed && parsed.allOrNone) {
      responses.push({ body: halted(), httpHeaders: {}, httpStatusCode: 400, referenceId: sub.referenceId })
      continue
    }
    const forbidden = Object.keys(sub.httpHeaders ?? {}).find((name) =>
      ['authorization', 'accept', 'content-type'].includes(name.toLowerCase())
    )
    let response: DialectResponse
    try {
      if (forbidden)
        response = sfError(400, 'INVALID_HEADER_TYPE', `The ${forbidden} header can't be set on a subrequest`)
      else {
        const url = new URL(substitute(sub.url, results, true), 'http://composite.local')
        const subBody =
          sub.body === undefined
            ? undefined
            : JSON.stringify(JSON.parse(substitute(JSON.stringify(sub.body), results, false)))
        const match = /^\/services\/data\/(v\d+\.\d)(\/.*)$/.exec(url.pathname)
        response = match
          ? route(match[1] ?? version, {
              method: sub.method.toUpperCase(),
              path: match[2] ?? '',
              search: url.searchParams,
              body: subBody,
            })
          : NOT_FOUND()
      }
    } catch (error) {
      if (!(error instanceof UnresolvedReference)) throw error
      response = {
        status: 400,
        body: [
          {
            errorCode: 'PROCESSING_HALTED',
            message: `Invalid reference specified. No value for ${error.reference} found in ${error.referenceId}.`,
          },
        ],
      }
    }
    if (response.status >= 400) failed = true
    else results.set(sub.referenceId, response.body)
    responses.push({
      body: response.body,
      httpHeaders: response.headers ?? {},
      httpStatusCode: response.status,
      referenceId: sub.referenceId,
    })
  }
  if (failed && parsed.allOrNone) {
    store.records.Task = snapshot
    for (const response of responses) {
      if (response.httpStatusCode < 400)
        Object.assign(response, { body: halted(), httpHeaders: {}, httpStatusCode: 400 })
    }
  }
  return { status: 200, body: { compositeResponse: responses } }
}

function halted(): unknown {
  return [
    {
      errorCode: 'PROCESSING_HALTED',
      message: 'The transaction was rolled back since another operation in the same transaction failed.',
    },
  ]
}

class UnresolvedReference extends Error {
  constructor(
    readonly referenceId: string,
    readonly reference: string
  ) {
    super(`No value for ${reference}`)
  }
}

/** Replaces @{ref.path} with values from earlier sub-responses (dots and [n] indexes). */
function substitute(text: string, results: Map<string, unknown>, encode: boolean): string {
  return text.replace(/@\{(\w+)((?:\.\w+|\[\d+\])*)\}/g, (whole, referenceId: string, path: string) => {
    let value: unknown = results.get(referenceId)
    if (value === undefined) throw new UnresolvedReference(referenceId, whole)
    for (const step of path.match(/\.\w+|\[\d+\]/g) ?? []) {
      const key = step.startsWith('[') ? Number(step.slice(1, -1)) : step.slice(1)
      value =
        value !== null && typeof value === 'object'
          ? (value as Record<string | number, unknown>)[key]
          : undefined
    }
    if (value === undefined || value === null) throw new UnresolvedReference(referenceId, whole)
    const text = String(value)
    return encode ? encodeURIComponent(text) : JSON.stringify(text).slice(1, -1)
  })
}
