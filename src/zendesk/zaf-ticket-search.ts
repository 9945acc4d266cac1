import * as z from 'zod/mini'
import type { TicketSearch } from '../domain/ticket-trend'
import type { ZafClient } from './zaf-client'

const countSchema = z.looseObject({ count: z.number().check(z.int(), z.nonnegative()) })

/**
 * Zendesk's search count through ZAF (`/api/v2/search/count` with the agent's session): the
 * number of matching tickets, without the tickets. Search is open to agents and light agents.
 */
export function createZafTicketSearch(client: ZafClient): TicketSearch {
  return {
    async count(query) {
      const answer = await client.request({
        url: `/api/v2/search/count?query=${encodeURIComponent(query)}`,
        type: 'GET',
        dataType: 'json',
      })
      const parsed = countSchema.safeParse(answer)
      if (!parsed.success) throw new Error('Zendesk returned an unreadable search count')
      return parsed.data.count
    },
  }
}
