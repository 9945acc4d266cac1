import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import { LOCATIONS, type Location } from '../host/host-data'

// The parts of the built app's manifest.json that Zendesk acts on when it frames the app and
// proxies its requests. Anything else in the manifest is ignored here.
const locationSchema = z.union([z.string().min(1), z.looseObject({ url: z.string().min(1) })])
const parameterSchema = z.looseObject({
  name: z.string().min(1),
  type: z.string().optional(),
  secure: z.boolean().optional(),
  scopes: z.array(z.string()).optional(),
  default: z.union([z.string(), z.number(), z.boolean()]).optional(),
})
const manifestSchema = z.looseObject({
  name: z.string().min(1).optional(),
  version: z.string().optional(),
  location: z.looseObject({
    support: z.looseObject({
      ticket_sidebar: locationSchema.optional(),
      new_ticket_sidebar: locationSchema.optional(),
      user_sidebar: locationSchema.optional(),
      organization_sidebar: locationSchema.optional(),
    }),
  }),
  domainWhitelist: z.array(z.string()).optional(),
  parameters: z.array(parameterSchema).optional(),
  oauth: z
    .looseObject({
      client_id: z.string().min(1),
      client_secret: z.string().min(1),
      authorize_uri: z.url(),
      access_token_uri: z.url(),
      scope: z.string().optional(),
    })
    .optional(),
})

/** The manifest's `oauth` block: the third-party OAuth client Zendesk runs the install-time flow for. */
export interface OAuthClientConfig {
  readonly clientId: string
  readonly clientSecret: string
  readonly authorizeUri: string
  readonly accessTokenUri: string
  readonly scope: string | null
  /** The parameter of type `oauth` whose placeholder carries the access token. */
  readonly parameter: string
}

export type Scope = 'header' | 'body' | 'url'

export interface ParameterRule {
  /** `oauth`: the access token Zendesk holds for the installation, never a stored value. */
  readonly type?: string
  readonly secure: boolean
  /** Where a secure value may be inserted; null when the manifest sets no scopes (no restriction). */
  readonly scopes: readonly string[] | null
  readonly defaultValue: string | number | boolean | undefined
}

export interface AppManifest {
  readonly name: string
  readonly version: string
  /**
   * Every location this emulator frames that the manifest declares (ticket_sidebar always): a path
   * inside the app's assets, or an absolute URL.
   */
  readonly locationUrls: Readonly<Partial<Record<Location, string>>>
  readonly domainWhitelist: readonly string[]
  readonly parameters: ReadonlyMap<string, ParameterRule>
  /** Null unless the manifest has an `oauth` block and one parameter of type `oauth`. */
  readonly oauth: OAuthClientConfig | null
}

export function readAppManifest(appDir: string): AppManifest {
  const path = join(appDir, 'manifest.json')
  let raw: unknown
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'))
  } catch (error) {
    throw new Error(
      `Cannot read the app manifest at ${path}: ${error instanceof Error ? error.message : String(error)}`
    )
  }
  const parsed = manifestSchema.safeParse(raw)
  if (!parsed.success) throw new Error(`Invalid app manifest at ${path}: ${z.prettifyError(parsed.error)}`)
  const manifest = parsed.data
  if (manifest.location.support.ticket_sidebar === undefined)
    throw new Error(`The app manifest at ${path} has no location.support.ticket_sidebar`)
  const locationUrls: Partial<Record<Location, string>> = {}
  for (const name of LOCATIONS) {
    const declared = manifest.location.support[name]
    if (declared !== undefined) locationUrls[name] = typeof declared === 'string' ? declared : declared.url
  }
  const oauthParameters = (manifest.parameters ?? []).filter((p) => p.type === 'oauth')
  if (manifest.oauth && oauthParameters.length !== 1)
    throw new Error(
      `The app manifest at ${path} has an oauth block but not exactly one parameter of type oauth`
    )
  const oauth: OAuthClientConfig | null =
    manifest.oauth && oauthParameters[0]
      ? {
          clientId: manifest.oauth.client_id,
          clientSecret: manifest.oauth.client_secret,
          authorizeUri: manifest.oauth.authorize_uri,
          accessTokenUri: manifest.oauth.access_token_uri,
          scope: manifest.oauth.scope ?? null,
          parameter: oauthParameters[0].name,
        }
      : null
  return {
    oauth,
    // Zendesk requires a name; a bare test manifest may omit it, and this emulator frames one app.
    name: manifest.name ?? 'Success Bridge',
    version: manifest.version ?? '0.0.0',
    locationUrls,
    domainWhitelist: manifest.domainWhitelist ?? [],
    parameters: new Map(
      (manifest.parameters ?? []).map((p) => [
        p.name,
        {
          ...(p.type === undefined ? {} : { type: p.type }),
          secure: p.secure === true,
          scopes: p.scopes && p.scopes.length > 0 ? p.scopes : null,
          defaultValue: p.default,
        },
      ])
    ),
  }
}

/**
 * The page of every declared location, as Zendesk frames it but without the query it adds:
 * relative locations are served from the app origin.
 */
export function locationPageUrls(
  manifest: AppManifest,
  appOrigin: string
): Partial<Record<Location, string>> {
  return Object.fromEntries(
    Object.entries(manifest.locationUrls).map(([name, url]) => [name, locationPageUrl(url, appOrigin)])
  )
}

function locationPageUrl(url: string, appOrigin: string): string {
  if (/^https?:\/\//i.test(url)) return url
  return `${appOrigin}/${url.replace(/^\/+/, '')}`
}
