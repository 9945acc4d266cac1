import { emailDomain, type CustomerContext } from '../../domain/customer'

/**
 * The ticket's customer as lookup variables (`requester.email_domain`, …), exactly the names in
 * LOOKUP_VARIABLES. Missing values are left undefined, so requests that need them are skipped.
 */
export type LookupScope = Readonly<
  Record<'requester' | 'organization', Readonly<Record<string, string | undefined>>>
>

export function lookupScope(context: CustomerContext): LookupScope {
  const email = context.requester?.email?.trim() || undefined
  const organization = context.organization
  return {
    requester: { email, email_domain: emailDomain(email ?? null) ?? undefined },
    organization: {
      id: organization ? String(organization.id) : undefined,
      external_id: organization?.externalId?.trim() || undefined,
      name: organization?.name.trim() || undefined,
      domain: organization?.domains[0]?.trim().toLowerCase() || undefined,
    },
  }
}
