import { describe, expect, it } from 'vitest'
import { toResponseArgs, type ProxyAnswer } from './response-args'

const json = (status: number, body: string, contentType = 'application/json'): ProxyAnswer => ({
  outcome: 'response',
  status,
  statusText: status === 200 ? 'OK' : status === 404 ? 'Not Found' : 'Status',
  headers: { 'content-type': contentType, 'x-request-id': 'r1' },
  responseText: body,
})

describe('toResponseArgs', () => {
  it('resolves with the whole response when httpCompleteResponse is set', () => {
    expect(toResponseArgs(json(200, '{"a":1}'), { httpCompleteResponse: true })).toEqual({
      done: true,
      responseArgs: [
        {
          status: 200,
          statusText: 'OK',
          headers: { 'content-type': 'application/json', 'x-request-id': 'r1' },
          responseText: '{"a":1}',
          responseJSON: { a: 1 },
        },
      ],
    })
    // dataType text: the body stays text, with no responseJSON (the app's axios adapter parses it).
    expect(
      toResponseArgs(json(200, '{"a":1}'), { httpCompleteResponse: true, dataType: 'text' }).responseArgs[0]
    ).not.toHaveProperty('responseJSON')
  })

  it('resolves jQuery-style (body, "success", xhr) without it', () => {
    expect(toResponseArgs(json(200, '{"a":1}'), {})).toEqual({
      done: true,
      responseArgs: [{ a: 1 }, 'success', { status: 200, statusText: 'OK', responseText: '{"a":1}' }],
    })
    expect(toResponseArgs(json(200, 'plain', 'text/plain'), {}).responseArgs[0]).toBe('plain')
    expect(toResponseArgs(json(200, '{"a":1}'), { dataType: 'text' }).responseArgs[0]).toBe('{"a":1}')
    expect(toResponseArgs(json(204, ''), { dataType: 'json' })).toEqual({
      done: true,
      responseArgs: [null, 'nocontent', { status: 204, statusText: 'Status', responseText: '' }],
    })
  })

  it('rejects any non-2xx with the response object', () => {
    expect(toResponseArgs(json(404, '{"error":"RecordNotFound"}'), { httpCompleteResponse: true })).toEqual({
      done: false,
      responseArgs: [
        {
          status: 404,
          statusText: 'Not Found',
          headers: { 'content-type': 'application/json', 'x-request-id': 'r1' },
          responseText: '{"error":"RecordNotFound"}',
          responseJSON: { error: 'RecordNotFound' },
        },
      ],
    })
    expect(toResponseArgs(json(502, 'Proxy error: connect ECONNREFUSED', 'text/plain'), {})).toMatchObject({
      done: false,
      responseArgs: [{ status: 502, responseText: 'Proxy error: connect ECONNREFUSED' }],
    })
  })

  it('rejects a 2xx that should be JSON but is not, as jQuery does', () => {
    expect(toResponseArgs(json(200, '<html>'), { dataType: 'json' })).toMatchObject({
      done: false,
      responseArgs: [{ status: 200, statusText: 'parsererror', responseText: '<html>' }],
    })
  })

  it('rejects timeouts and unreachable URLs with status 0', () => {
    expect(toResponseArgs({ outcome: 'timeout' }, {})).toEqual({
      done: false,
      responseArgs: [{ status: 0, statusText: 'timeout', responseText: '' }],
    })
    expect(toResponseArgs({ outcome: 'network-error' }, {})).toEqual({
      done: false,
      responseArgs: [{ status: 0, statusText: 'error', responseText: '' }],
    })
  })
})
