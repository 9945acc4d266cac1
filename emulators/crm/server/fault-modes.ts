// Its own module, free of zod, so the emulated Zendesk's browser bundle (the demo controls) can
// offer exactly the modes the CRM emulator accepts.
export const FAULT_MODES = [
  'none',
  'unauthorized',
  'forbidden',
  'quota',
  'server-error',
  'malformed',
  'empty',
  'html',
  'hang',
] as const
export type FaultMode = (typeof FAULT_MODES)[number]
