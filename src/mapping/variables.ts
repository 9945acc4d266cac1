/**
 * The variables each custom-REST request may use, by name. Settings validation refuses any other
 * name, so a typo fails at install time instead of silently sending an empty value.
 */
export const LOOKUP_VARIABLES: ReadonlySet<string> = new Set([
  'requester.email',
  'requester.email_domain',
  'organization.id',
  'organization.external_id',
  'organization.name',
  'organization.domain',
])

/** The escalation task, as the escalation request's path and body see it. */
export const TASK_VARIABLES: ReadonlySet<string> = new Set([
  'task.key',
  'task.ticketId',
  'task.subject',
  'task.description',
  'task.ownerId',
  'task.accountId',
  'task.contactId',
  'task.priority',
  'task.dueDate',
])

/** A follow-up knows only the task it goes to and its own text. */
export const FOLLOW_UP_VARIABLES: ReadonlySet<string> = new Set(['task.id', 'text'])

/** The account fields a field map can fill; `id` and `name` are required. */
export const FIELD_KEYS = [
  'id',
  'name',
  'recordUrl',
  'csm.id',
  'csm.name',
  'csm.email',
  'healthScore',
  'renewalDate',
  'arr',
  'contactId',
  // The health score's history: a list, and where each entry's score and date are (default
  // `$.value` and `$.date`, read from the entry).
  'healthHistory',
  'healthHistory.value',
  'healthHistory.date',
] as const
export type FieldKey = (typeof FIELD_KEYS)[number]
export const REQUIRED_FIELD_KEYS: readonly FieldKey[] = ['id', 'name']
