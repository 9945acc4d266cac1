import { describe, expect, it } from 'vitest'
import gitignore from '../../.gitignore?raw'
import manifest from '../../manifest.json'
import example from '../../zcli.apps.config.example.json'
import { parseSettings } from './app-settings'

// The zcli example is what `zcli apps:server` installs in a real Zendesk: zcli asks at its prompt
// for every manifest parameter the file leaves out, so it must name them all, and the app must
// start on it as a Salesforce installation once the URL and token are filled in.
describe('zcli.apps.config.example.json', () => {
  it('names every manifest parameter and nothing else', () => {
    expect(Object.keys(example.parameters).sort()).toEqual(manifest.parameters.map((p) => p.name).sort())
  })

  it('is a valid Salesforce installation, with a token that is plainly a placeholder', () => {
    const parsed = parseSettings(example.parameters)
    expect(parsed).toMatchObject({ ok: true, settings: { provider: 'salesforce' } })
    expect(example.parameters.crm_api_token).toMatch(/^REPLACE-WITH-A-TEST-TOKEN$/)
  })

  it('is git-ignored once filled in', () => {
    expect(gitignore.split('\n')).toContain('zcli.apps.config.json')
  })
})
