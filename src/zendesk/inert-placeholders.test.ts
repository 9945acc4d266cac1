import { describe, expect, it } from 'vitest'
import { inertText, withInertPlaceholders } from './inert-placeholders'
import type { ZafClient, ZafRequestOptions } from './zaf-client'

const PLACEHOLDER = /\{\{\s*setting\.[^}]*\}\}/

describe('inert placeholders', () => {
  it('breaks every {{ so that no placeholder can match, and keeps the visible text', () => {
    for (const text of [
      'Outage {{setting.nope}}',
      '{{{setting.crm_api_token}}}',
      'a{{ setting.x }}b',
      '{{{{',
    ]) {
      const inert = inertText(text)
      expect(inert).not.toMatch(PLACEHOLDER)
      expect(inert).not.toContain('{{')
      expect(inert.replaceAll('\u200B', '')).toBe(text)
    }
    expect(inertText('no braces { here }')).toBe('no braces { here }')
  })

  it('leaves headers alone and makes URL and body inert, encoded braces too', async () => {
    const sent: ZafRequestOptions[] = []
    const client = {
      request: (options: ZafRequestOptions) => {
        sent.push(options)
        return Promise.resolve({})
      },
    } as unknown as ZafClient
    await withInertPlaceholders(client).request({
      url: 'https://crm.example/q?x=%7B%7Bsetting.crm_base_url%7D%7D',
      type: 'POST',
      headers: { Authorization: 'Bearer {{setting.crm_api_token}}' },
      data: JSON.stringify({ subject: 'Outage {{setting.crm_base_url}}' }),
    })
    expect(sent[0]?.headers).toEqual({ Authorization: 'Bearer {{setting.crm_api_token}}' })
    expect(sent[0]?.url).not.toMatch(/%7B%7B/i)
    expect(decodeURIComponent(sent[0]?.url ?? '')).not.toMatch(PLACEHOLDER)
    expect(sent[0]?.data).not.toMatch(PLACEHOLDER)
    expect(JSON.parse(sent[0]?.data ?? '{}').subject.replaceAll('\u200B', '')).toBe(
      'Outage {{setting.crm_base_url}}'
    )
  })
})
