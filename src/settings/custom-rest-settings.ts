import type { MatchStrategy } from '../domain/match-strategy'
import type { JsonPath } from '../mapping/json-path'
import type { Mapping } from '../mapping/mapping'
import type { Template } from '../mapping/template'
import type { FieldKey } from '../mapping/variables'

/** One request that may find the account, for one step of the match cascade. */
export interface CustomLookupRequest {
  readonly match: MatchStrategy
  readonly method: 'GET' | 'POST'
  /** Relative to crm_base_url; variables are URL-encoded into it. */
  readonly path: Template
  readonly body: Mapping | null
  /** Where the record (object) or records (array) are in the answer. */
  readonly result: JsonPath
}

export type CustomFieldMap = { readonly [K in FieldKey]?: Mapping } & {
  readonly id: Mapping
  readonly name: Mapping
}

export interface CustomWriteRequest {
  readonly method: 'POST' | 'PUT' | 'PATCH'
  readonly path: Template
  readonly body: Mapping | null
}

/** Finds the ticket's existing escalation task before creating one. */
export interface CustomSearchRequest {
  readonly method: 'GET' | 'POST'
  readonly path: Template
  readonly body: Mapping | null
  readonly result: JsonPath
  readonly idPath: JsonPath
  readonly urlPath: JsonPath | null
  /**
   * Where the found task's status is, and which statuses mean the CSM closed it, so the card can
   * offer "Escalate again"; null = the CRM's status is unknown, and an escalation counts as open.
   */
  readonly closed: { readonly path: JsonPath; readonly values: readonly string[] } | null
}

export interface CustomEscalationRequest extends CustomWriteRequest {
  /** 2xx statuses that mean "task created". */
  readonly success: readonly number[]
  readonly idPath: JsonPath
  readonly urlPath: JsonPath | null
  /** 4xx statuses that mean "a task with this key already exists". */
  readonly conflict: readonly number[]
  readonly existing: CustomSearchRequest | null
  /** How a follow-up note reaches the task; null = follow-ups are not supported by this CRM. */
  readonly followUp: CustomWriteRequest | null
}

/**
 * The custom-REST connector's settings (crm_provider = custom): which requests find an account,
 * how a record becomes an account summary, and how an escalation task is written. The JSON
 * settings are compiled once, by compile-custom-rest-settings.ts, so a bad one is a readable problem
 * at start-up, never a surprise during a lookup. The mapping language lives in src/mapping (pure, no I/O).
 */
export interface CustomRestSettings {
  /** The header carrying `{{setting.crm_api_token}}`; `Authorization` sends it as a bearer token. */
  readonly authHeader: string
  /** Sent with the escalation key as its value; null = dedupe by the `existing` search. */
  readonly idempotencyHeader: string | null
  readonly lookups: readonly CustomLookupRequest[]
  readonly fieldMap: CustomFieldMap
  readonly escalation: CustomEscalationRequest
}
