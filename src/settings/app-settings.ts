import * as z from 'zod/mini'
import { MATCH_STRATEGIES, type MatchStrategy } from '../domain/match-strategy'
import { compileCustomRestSettings } from './compile-custom-rest-settings'
import type { CustomRestSettings } from './custom-rest-settings'
import type { SettingProblem, SettingProblemCode } from './setting-problem'
import { settingText } from './setting-text'

export const CRM_PROVIDERS = ['salesforce', 'hubspot', 'custom'] as const
export type CrmProvider = (typeof CRM_PROVIDERS)[number]

/**
 * Which setting the Zendesk proxy puts into the CRM's Authorization header. `oauth`: the Salesforce
 * OAuth package's `salesforce_oauth` parameter, whose access token Zendesk obtained at installation
 * and renews; `token`: the `crm_api_token` secure setting an admin pasted. See docs/adr/0011.
 */
export type CrmAuth = 'oauth' | 'token'
/** The manifest parameter of type `oauth` in the Salesforce OAuth package. */
export const OAUTH_SETTING = 'salesforce_oauth'
/** The secure setting every other installation sends. */
export const TOKEN_SETTING = 'crm_api_token'

export interface FieldNames {
  readonly csm: string
  readonly healthScore: string
  readonly renewalDate: string
  readonly arr: string
}

/** The installation's settings, validated once at start-up by `parseSettings`. */
export interface AppSettings {
  readonly provider: CrmProvider
  /** How the proxy authenticates CRM calls: Zendesk's OAuth connection (Salesforce) or the token setting. */
  readonly auth: CrmAuth
  /** Without a trailing slash. */
  readonly baseUrl: string
  readonly fields: FieldNames
  readonly healthRiskBelow: number
  readonly renewalSoonDays: number
  /** "Why now": a fall of at least this many health points within the window is a health drop. */
  readonly healthDropPoints: number
  /** "Why now": the window, in days, for the health drop and the ticket trend. */
  readonly signalWindowDays: number
  /** ISO 4217 code used to show ARR. */
  readonly arrCurrency: string
  /** Task field (External ID, Unique) holding the escalation key; null = search before create. */
  readonly escalationKeyField: string | null
  /** CRM user who receives escalations for accounts without a CSM; null = no escalation then. */
  readonly escalationFallbackOwner: string | null
  /** The match cascade, first strategy first; a strategy left out is never tried. */
  readonly matchOrder: readonly MatchStrategy[]
  /** HubSpot account (portal) id, only used to link to records in HubSpot; null = no links. */
  readonly hubspotPortalId: string | null
  /** The custom-REST connector's requests and mappings; null for every other provider. */
  readonly custom: CustomRestSettings | null
  /** "Why now" (domain/why-now.ts): ARR at or above which an account is major; null = no such signal. */
  readonly majorAccountArr: number | null
  /** Tags that make a ticket critical whatever its priority, lower-case. */
  readonly criticalTags: readonly string[]
  /** Phrases that signal churn in a ticket's subject or description. */
  readonly churnPhrases: readonly string[]
  /** The Slack message on escalation (ADR 0012). */
  readonly slack: SlackSettings
  /** Add the CSM as a follower of the ticket when they are a Zendesk agent. */
  readonly followAsCsm: boolean
}

export const SLACK_NOTIFY_MODES = ['dm', 'channel', 'off'] as const
export type SlackNotifyMode = (typeof SLACK_NOTIFY_MODES)[number]

export interface SlackSettings {
  /**
   * Blank means off: the app cannot read a secure setting, so it cannot tell whether a bot token is
   * set, and an installation that never set Slack up must not send the CSM's email to Slack on
   * every escalation to find out. The admin who adds the token chooses `dm` or `channel`.
   */
  readonly notify: SlackNotifyMode
  /** A channel id (`C…`, `G…`): where channel mode posts, and the fallback when the CSM is not in Slack. */
  readonly channel: string | null
}

/** What an English-speaking customer writes when they think of leaving; admins add their own languages. */
export const DEFAULT_CHURN_PHRASES = [
  'cancel',
  'cancellation',
  'not renew',
  'other vendors',
  'switch to',
  'competitor',
  'refund',
] as const

export type SettingsResult =
  | { readonly ok: true; readonly settings: AppSettings }
  | { readonly ok: false; readonly problems: readonly SettingProblem[] }

export const DEFAULT_FIELDS: Record<CrmProvider, FieldNames> = {
  salesforce: {
    csm: 'CSM__c',
    healthScore: 'Health_Score__c',
    renewalDate: 'Renewal_Date__c',
    arr: 'ARR__c',
  },
  hubspot: { csm: 'hubspot_owner_id', healthScore: 'health_score', renewalDate: 'renewal_date', arr: 'arr' },
  custom: { csm: 'csm', healthScore: 'health_score', renewalDate: 'renewal_date', arr: 'arr' },
}

// Field names end up inside SOQL and HubSpot property lists, so only plain API identifiers pass:
// anything else could change the meaning of the query.
const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_]{0,79}$/
const CURRENCY = /^[A-Z]{3}$/
// CRM user ids: Salesforce's 15/18 characters, HubSpot's numeric owner ids, or a custom CRM's short id.
const USER_ID = /^[A-Za-z0-9_-]{1,64}$/

/** Settings arrive as strings or numbers depending on the parameter type; blank means "not set". */
const optionalText = z.optional(z.nullable(z.union([z.string(), z.number(), z.boolean()])))
/**
 * The keys are the manifest parameter names: a public contract with admins, so they never change.
 */
const rawSettingsSchema = z.looseObject({
  crm_provider: optionalText,
  crm_base_url: optionalText,
  field_csm: optionalText,
  field_health_score: optionalText,
  field_renewal_date: optionalText,
  field_arr: optionalText,
  health_risk_below: optionalText,
  renewal_soon_days: optionalText,
  health_drop_points: optionalText,
  signal_window_days: optionalText,
  arr_currency: optionalText,
  field_escalation_external_id: optionalText,
  escalation_fallback_owner: optionalText,
  match_order: optionalText,
  hubspot_portal_id: optionalText,
  major_account_arr: optionalText,
  critical_tags: optionalText,
  churn_phrases: optionalText,
  slack_notify: optionalText,
  slack_channel: optionalText,
  follow_as_csm: optionalText,
  // custom_* multiline JSON settings are read raw by compileCustomRestSettings
})

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]'
}

export function parseSettings(input: unknown): SettingsResult {
  const parsed = rawSettingsSchema.safeParse(input ?? {})
  if (!parsed.success) {
    const setting = String(parsed.error.issues[0]?.path[0] ?? 'settings')
    return { ok: false, problems: [{ setting, code: 'required' }] }
  }
  const raw = parsed.data
  const problems: SettingProblem[] = []
  const problem = (setting: string, code: SettingProblemCode): void => {
    problems.push({ setting, code })
  }

  const providerText = settingText(raw.crm_provider).toLowerCase() || 'salesforce'
  const provider = CRM_PROVIDERS.find((p) => p === providerText)
  if (!provider) problem('crm_provider', 'unsupported-provider')

  const baseUrl = parseBaseUrl(settingText(raw.crm_base_url), problem)

  const defaults = DEFAULT_FIELDS[provider ?? 'salesforce']
  const field = (setting: string, value: unknown, fallback: string): string => {
    const name = settingText(value)
    if (!name) return fallback
    if (!FIELD_NAME.test(name)) problem(setting, 'invalid-field-name')
    return name
  }
  const fields: FieldNames = {
    csm: field('field_csm', raw.field_csm, defaults.csm),
    healthScore: field('field_health_score', raw.field_health_score, defaults.healthScore),
    renewalDate: field('field_renewal_date', raw.field_renewal_date, defaults.renewalDate),
    arr: field('field_arr', raw.field_arr, defaults.arr),
  }

  const healthRiskBelow = parseNumber('health_risk_below', raw.health_risk_below, 50, [0, 100], problem)
  const renewalSoonDays = parseNumber('renewal_soon_days', raw.renewal_soon_days, 90, [0, 730], problem)
  const healthDropPoints = parseNumber('health_drop_points', raw.health_drop_points, 10, [1, 100], problem)
  // At least a day; at most a year, beyond which Zendesk's ticket counts stop saying "now".
  const signalWindowDays = parseNumber('signal_window_days', raw.signal_window_days, 30, [1, 365], problem)

  const arrCurrency = settingText(raw.arr_currency).toUpperCase() || 'USD'
  if (!CURRENCY.test(arrCurrency)) problem('arr_currency', 'invalid-currency')

  const escalationKeyField = settingText(raw.field_escalation_external_id) || null
  if (escalationKeyField && !FIELD_NAME.test(escalationKeyField))
    problem('field_escalation_external_id', 'invalid-field-name')
  const escalationFallbackOwner = settingText(raw.escalation_fallback_owner) || null
  if (escalationFallbackOwner && !USER_ID.test(escalationFallbackOwner))
    problem('escalation_fallback_owner', 'invalid-user-id')

  const matchOrder = parseMatchOrder(settingText(raw.match_order), problem)
  const hubspotPortalId = settingText(raw.hubspot_portal_id) || null
  if (hubspotPortalId && !/^\d{1,20}$/.test(hubspotPortalId))
    problem('hubspot_portal_id', 'invalid-portal-id')

  const majorAccountArr = settingText(raw.major_account_arr)
    ? parseNumber('major_account_arr', raw.major_account_arr, 0, [0, 1e15], problem)
    : null
  // Zendesk tags are lower-case words without spaces; a list separated by commas or spaces.
  const criticalTags = settingText(raw.critical_tags)
    .toLowerCase()
    .split(/[\s,]+/)
    .filter(Boolean)
  // One phrase per line (a multiline setting); blank lines ignored; unset means the English defaults.
  const churnText = typeof raw.churn_phrases === 'string' ? raw.churn_phrases : ''
  const churnPhrases = churnText.trim()
    ? churnText
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean)
    : [...DEFAULT_CHURN_PHRASES]

  // Only the OAuth package declares the oauth parameter, and metadata lists every non-secure
  // parameter; its value is Zendesk's business and is never read here.
  const declaresOAuth = typeof input === 'object' && input !== null && Object.hasOwn(input, OAUTH_SETTING)
  const auth: CrmAuth = provider === 'salesforce' && declaresOAuth ? 'oauth' : 'token'
  const slack = parseSlack(settingText(raw.slack_notify), settingText(raw.slack_channel), problem)
  // A checkbox arrives as a boolean; blank (never saved) means the default, on.
  const followAsCsm = !['false', '0', 'off', 'no'].includes(settingText(raw.follow_as_csm).toLowerCase())

  const custom =
    provider === 'custom' ? compileCustomRestSettings(raw, (found) => problems.push(found)) : null

  if (problems.length > 0 || !provider) return { ok: false, problems }
  return {
    ok: true,
    settings: {
      provider,
      auth,
      baseUrl,
      fields,
      healthRiskBelow,
      renewalSoonDays,
      healthDropPoints,
      signalWindowDays,
      arrCurrency,
      escalationKeyField,
      escalationFallbackOwner,
      matchOrder,
      hubspotPortalId,
      custom,
      majorAccountArr,
      criticalTags,
      churnPhrases,
      slack,
      followAsCsm,
    },
  }
}

// Slack conversation ids: public (C…) or private (G…) channels, upper-case letters and digits.
const SLACK_CHANNEL_ID = /^[CG][A-Z0-9]{6,}$/

function parseSlack(
  notifyText: string,
  channelText: string,
  problem: (setting: string, code: SettingProblemCode) => void
): SlackSettings {
  const notify = notifyText.toLowerCase() || 'off'
  const mode = SLACK_NOTIFY_MODES.find((name) => name === notify)
  if (!mode) problem('slack_notify', 'invalid-slack-notify')
  const channel = channelText.replace(/^#/, '') || null
  if (channel && !SLACK_CHANNEL_ID.test(channel)) problem('slack_channel', 'invalid-slack-channel')
  if (mode === 'channel' && !channel) problem('slack_channel', 'required')
  return { notify: mode ?? 'off', channel }
}

/**
 * `match_order` lists strategies by name, comma-separated, e.g. `requester-email, email-domain`.
 * Blank means the default cascade: the most specific evidence (an ID the admin set) first, the
 * weakest (a shared email domain) last, for every provider.
 */
function parseMatchOrder(
  value: string,
  problem: (setting: string, code: SettingProblemCode) => void
): readonly MatchStrategy[] {
  if (!value) return MATCH_STRATEGIES
  const names = value
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((name) => name.toLowerCase())
  const order = names.filter((name): name is MatchStrategy =>
    (MATCH_STRATEGIES as readonly string[]).includes(name)
  )
  if (order.length !== names.length || new Set(order).size !== order.length || order.length === 0) {
    problem('match_order', 'invalid-match-order')
    return MATCH_STRATEGIES
  }
  return order
}

function parseBaseUrl(value: string, problem: (setting: string, code: SettingProblemCode) => void): string {
  if (!value) {
    problem('crm_base_url', 'required')
    return ''
  }
  let url: URL
  try {
    url = new URL(value)
  } catch {
    problem('crm_base_url', 'invalid-url')
    return ''
  }
  // The token travels in a header to this address: plain HTTP is allowed only on this machine,
  // which is where the local emulators run. The scheme is compared without its colon because
  // Zendesk's upload check warns on every "http" + ":" in the bundle.
  const scheme = url.protocol.slice(0, -1)
  if (scheme !== 'https' && !(scheme === 'http' && isLoopback(url.hostname))) {
    problem('crm_base_url', scheme === 'http' ? 'insecure-url' : 'invalid-url')
    return ''
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '')
}

function parseNumber(
  setting: string,
  value: unknown,
  fallback: number,
  [min, max]: readonly [number, number],
  problem: (setting: string, code: SettingProblemCode) => void
): number {
  const raw = settingText(value)
  if (!raw) return fallback
  const number = Number(raw)
  if (!Number.isFinite(number)) {
    problem(setting, 'not-a-number')
    return fallback
  }
  if (number < min || number > max) problem(setting, 'out-of-range')
  return number
}
