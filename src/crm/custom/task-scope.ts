import type { EscalationTaskInput } from '../../domain/ports'

/** The variables a task request may use: all of them when creating, some when searching on load. */
export interface TaskScope {
  readonly task: Record<string, string | number | undefined>
}

/**
 * The escalation task as request variables (`task.key`, …), exactly the names in TASK_VARIABLES.
 * Priority is lower-cased (`high`, `normal`, `low`), the form most REST APIs use; a missing
 * contact is left out rather than sent as null.
 */
export function taskScope(input: EscalationTaskInput): TaskScope {
  return {
    task: {
      key: input.key,
      ticketId: input.ticketId,
      subject: input.subject,
      description: input.description,
      ownerId: input.ownerId,
      accountId: input.accountId,
      contactId: input.contactId ?? undefined,
      priority: input.priority.toLowerCase(),
      dueDate: input.dueDate,
    },
  }
}
