import type { Finding } from './finding'
import { isRecord, type PackageFiles } from './package-files'

export interface ValidateOptions {
  /**
   * Apply the rules Zendesk runs for public (`"private": false`) apps and the Marketplace review
   * asks for: listing texts, screenshots, no experiments. On by default: we ship to the Marketplace.
   */
  readonly marketplace: boolean
}

export interface RuleContext {
  readonly pkg: PackageFiles
  /** Null when manifest.json is missing or unreadable (manifest-fields reports that once). */
  readonly manifest: Record<string, unknown> | null
  readonly options: ValidateOptions
}

/** A family of rules: reads the package, returns what is wrong with it. */
export type Rule = (context: RuleContext) => readonly Finding[]

/** The manifest's parameters that are objects; a non-array `parameters` is reported by manifest-fields. */
export function parametersOf(manifest: Record<string, unknown> | null): Record<string, unknown>[] {
  const parameters = manifest?.['parameters']
  return Array.isArray(parameters) ? parameters.filter(isRecord) : []
}

export const MANIFEST = 'manifest.json'
