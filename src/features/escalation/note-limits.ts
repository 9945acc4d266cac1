/** The longest note the sidebar accepts: a CSM reads it in a task, so it should stay short. */
export const NOTE_MAX_LENGTH = 1000
