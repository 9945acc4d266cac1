/** A query Salesforce would refuse with 400 and this error code. */
export class SoqlError extends Error {
  override readonly name = 'SoqlError'
  constructor(
    readonly errorCode:
      'MALFORMED_QUERY' | 'INVALID_TYPE' | 'INVALID_FIELD' | 'INVALID_QUERY_FILTER_OPERATOR',
    message: string
  ) {
    super(message)
  }
}
