import { ESLint, type Linter } from 'eslint'
import { beforeAll, describe, expect, it } from 'vitest'

/**
 * The house rules of eslint.config.js, tested the way the package validator's rules are: each rule
 * gets one broken case, and the test fails unless lint reports it. A case is the text of a file at a
 * real path of this repository (ESLint's `lintText` with `filePath`), so imports resolve to the real
 * tree; the planted line is always line 1.
 */
interface PlantedCase {
  readonly name: string
  readonly rule: string
  readonly filePath: string
  readonly code: string
}

const DEPENDENCIES = 'boundaries/dependencies'
const NO_CYCLE = 'import-x/no-cycle'

const layerCases: readonly PlantedCase[] = [
  // The imports that passed the hand-written deny-lists (issue 10).
  {
    name: 'zendesk imports crm',
    rule: DEPENDENCIES,
    filePath: 'src/zendesk/zaf-client.ts',
    code: "import { createCrmHttp } from '../crm/http/create-crm-http'\n",
  },
  {
    name: 'cache imports crm',
    rule: DEPENDENCIES,
    filePath: 'src/cache/storage-lookup-cache.ts',
    code: "import { soqlString } from '../crm/salesforce/soql'\n",
  },
  {
    name: 'crm imports cache',
    rule: DEPENDENCIES,
    filePath: 'src/crm/salesforce/soql.ts',
    code: "import { createStorageLookupCache } from '../../cache/storage-lookup-cache'\n",
  },
  {
    name: 'i18n imports app',
    rule: DEPENDENCIES,
    filePath: 'src/i18n/format.ts',
    code: "import { compose } from '../app/compose'\n",
  },
  {
    name: 'settings imports crm/salesforce',
    rule: DEPENDENCIES,
    filePath: 'src/settings/setting-text.ts',
    code: "import { soqlString } from '../crm/salesforce/soql'\n",
  },
  {
    name: 'a feature imports parseSettings (a value, not a type)',
    rule: DEPENDENCIES,
    filePath: 'src/features/account-card/initials.ts',
    code: "import { parseSettings } from '../../settings/app-settings'\n",
  },
  {
    name: 'the entry (src/main.ts) imports an emulator',
    rule: DEPENDENCIES,
    filePath: 'src/main.ts',
    code: "import { FAULT_MODES } from '../emulators/crm/server/fault-modes'\n",
  },
  // One more per allow-list in docs/architecture.md.
  {
    name: 'slack imports the CRM http layer',
    rule: DEPENDENCIES,
    filePath: 'src/slack/slack-web-api.ts',
    code: "import { createCrmHttp } from '../crm/http/create-crm-http'\n",
  },
  {
    name: 'slack imports zendesk code, not only its types',
    rule: DEPENDENCIES,
    filePath: 'src/slack/slack-web-api.ts',
    code: "import { withInertPlaceholders } from '../zendesk/inert-placeholders'\n",
  },
  {
    name: 'domain imports settings',
    rule: DEPENDENCIES,
    filePath: 'src/domain/health.ts',
    code: "import { parseSettings } from '../settings/app-settings'\n",
  },
  {
    name: 'domain imports a package',
    rule: DEPENDENCIES,
    filePath: 'src/domain/health.ts',
    code: "import * as z from 'zod/mini'\n",
  },
  {
    name: 'the mapping leaf imports domain',
    rule: DEPENDENCIES,
    filePath: 'src/mapping/json-path.ts',
    code: "import { MATCH_STRATEGIES } from '../domain/match-strategy'\n",
  },
  {
    name: 'crm/http imports zendesk code (only its types are allowed)',
    rule: DEPENDENCIES,
    filePath: 'src/crm/http/to-crm-error.ts',
    code: "import { initZafClient } from '../../zendesk/init-zaf-client'\n",
  },
  {
    name: 'one CRM connector imports another',
    rule: DEPENDENCIES,
    filePath: 'src/crm/salesforce/soql.ts',
    code: "import { readHubSpotError } from '../hubspot/read-hubspot-error'\n",
  },
  {
    name: 'the connector picker imports cache',
    rule: DEPENDENCIES,
    filePath: 'src/crm/create-connector.ts',
    code: "import { createStorageOwnerCache } from '../cache/storage-owner-cache'\n",
  },
  {
    name: 'an adapter imports React',
    rule: DEPENDENCIES,
    filePath: 'src/cache/storage-owner-cache.ts',
    code: "import { useState } from 'react'\n",
  },
  {
    name: 'a feature imports another feature',
    rule: DEPENDENCIES,
    filePath: 'src/features/account-card/initials.ts',
    code: "import { useEscalation } from '../escalation/use-escalation'\n",
  },
  {
    name: 'a feature imports zendesk',
    rule: DEPENDENCIES,
    filePath: 'src/features/account-card/initials.ts',
    code: "import { autoResize } from '../../zendesk/auto-resize'\n",
  },
  {
    name: 'a feature imports axios',
    rule: DEPENDENCIES,
    filePath: 'src/features/account-card/initials.ts',
    code: "import axios from 'axios'\n",
  },
  {
    name: 'ui imports a settings value',
    rule: DEPENDENCIES,
    filePath: 'src/ui/message-view.tsx',
    code: "import { parseSettings } from '../settings/app-settings'\n",
  },
  {
    name: 'ui imports a feature',
    rule: DEPENDENCIES,
    filePath: 'src/ui/message-view.tsx',
    code: "import { useServices } from '../features/shared/services-context'\n",
  },
  {
    name: 'src imports tests',
    rule: DEPENDENCIES,
    filePath: 'src/app/compose.ts',
    code: "import { startLocalStack } from '../../tests/support/local-stack'\n",
  },
  {
    name: 'an emulator imports src',
    rule: DEPENDENCIES,
    filePath: 'emulators/crm/server/faults.ts',
    code: "import { CrmError } from '../../../src/domain/crm-error'\n",
  },
  {
    name: 'a script imports src',
    rule: DEPENDENCIES,
    filePath: 'scripts/validate/finding.ts',
    code: "import { CrmError } from '../../src/domain/crm-error'\n",
  },
  // lookup-account.ts imports customerKey from customer.ts, so this import closes a cycle at run time
  // (type-only cycles are import-cycles.test.ts's).
  {
    name: 'a cycle in src',
    rule: NO_CYCLE,
    filePath: 'src/domain/customer.ts',
    code: "import { lookupAccount } from './lookup-account'\nexport const look = lookupAccount\n",
  },
]

const typedCases: readonly PlantedCase[] = [
  {
    name: 'a floating promise',
    rule: '@typescript-eslint/no-floating-promises',
    filePath: 'src/domain/renewal.ts',
    code: 'Promise.reject(new Error("lost"))\n',
  },
  {
    name: 'a promise where a void callback is expected',
    rule: '@typescript-eslint/no-misused-promises',
    filePath: 'scripts/validate/finding.ts',
    code: ';[1].forEach(async (n) => { await Promise.resolve(n) })\n',
  },
  {
    name: 'awaiting something that is not a promise',
    rule: '@typescript-eslint/await-thenable',
    filePath: 'emulators/crm/server/relative-date.ts',
    code: 'export const one = async (): Promise<number> => await 1\n',
  },
]

const layerRules = ({ ruleId }: { ruleId: string }): boolean => ruleId === DEPENDENCIES || ruleId === NO_CYCLE
// The layer rules need no type information; skipping it keeps these cases fast.
const untyped: Linter.Config = { languageOptions: { parserOptions: { project: null } } }

async function reported(eslint: ESLint, planted: PlantedCase): Promise<Linter.LintMessage[]> {
  const [result] = await eslint.lintText(planted.code, { filePath: planted.filePath })
  return (result?.messages ?? []).filter((message) => message.line === 1 && message.ruleId === planted.rule)
}

describe('dependency rules (eslint.config.js)', () => {
  const eslint = new ESLint({ ruleFilter: layerRules, overrideConfig: untyped })

  it.each(layerCases)('reports: $name', async (planted) => {
    expect(await reported(eslint, planted)).not.toEqual([])
  })

  it('reports nothing in the real tree', { timeout: 120_000 }, async () => {
    const results = await eslint.lintFiles(['src', 'emulators', 'scripts', 'tests'])
    const found = results.flatMap(({ filePath, messages }) =>
      messages.map((message) => `${filePath}:${message.line} ${message.ruleId} ${message.message}`)
    )
    expect(found).toEqual([])
  })
})

describe('type-aware promise rules (eslint.config.js)', () => {
  let eslint: ESLint
  beforeAll(() => {
    eslint = new ESLint({
      ruleFilter: ({ ruleId }) => typedCases.some(({ rule }) => rule === ruleId),
      // With CI=true typescript-eslint assumes a one-shot run and builds its programs from the files
      // on disk, ignoring the planted text; these cases need the text they pass in to be typed.
      overrideConfig: { languageOptions: { parserOptions: { disallowAutomaticSingleRunInference: true } } },
    })
  })

  it.each(typedCases)('reports: $name', { timeout: 120_000 }, async (planted) => {
    expect(await reported(eslint, planted)).not.toEqual([])
  })
})
