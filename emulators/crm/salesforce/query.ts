import { sfError } from './errors'
import type { DialectResponse } from './response'
import { parseSoql } from './soql/parse'
import { runQuery } from './soql/evaluate'
import { SoqlError } from './soql/soql-error'
import type { SalesforceStore } from './store'

/**
 * GET query?q=<SOQL> and GET query/<locator>: results past `batchSize` are kept under a query
 * locator, as Salesforce does, and handed out one batch per nextRecordsUrl.
 */
export class QueryEndpoint {
  private cursors = new Map<string, Record<string, unknown>[]>()
  private cursorCount = 0

  constructor(
    private readonly store: SalesforceStore,
    private readonly batchSize: number
  ) {}

  query(version: string, soql: string): DialectResponse {
    try {
      const records = runQuery(this.store, parseSoql(soql), version)
      return this.page(version, records, records.length)
    } catch (error) {
      if (error instanceof SoqlError) return sfError(400, error.errorCode, error.message)
      throw error
    }
  }

  nextPage(version: string, cursor: string): DialectResponse {
    const rest = this.cursors.get(cursor)
    if (!rest) return sfError(400, 'INVALID_QUERY_LOCATOR', 'invalid query locator')
    this.cursors.delete(cursor)
    const offset = Number(cursor.split('-')[1] ?? 0)
    return this.page(version, rest, offset + rest.length)
  }

  private page(version: string, records: Record<string, unknown>[], totalSize: number): DialectResponse {
    if (records.length <= this.batchSize) return { status: 200, body: { totalSize, done: true, records } }
    this.cursorCount += 1
    const locator = `01gD0000000${String(this.cursorCount).padStart(5, '0')}`
    const offset = totalSize - records.length + this.batchSize
    this.cursors.set(`${locator}-${offset}`, records.slice(this.batchSize))
    return {
      status: 200,
      body: {
        totalSize,
        done: false,
        nextRecordsUrl: `/services/data/${version}/query/${locator}-${offset}`,
        records: records.slice(0, this.batchSize),
      },
    }
  }
}
