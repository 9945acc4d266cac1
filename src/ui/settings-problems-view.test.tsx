import { render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import en from '../../translations/en.json'
import { createTranslator } from '../i18n/translator'
import { AppShell } from './app-shell'
import { SettingsProblemsView } from './settings-problems-view'

describe('SettingsProblemsView', () => {
  it('names each setting by its label and says where inside a JSON setting the problem is', () => {
    render(
      <AppShell translator={createTranslator('en-US', en)}>
        <SettingsProblemsView
          problems={[
            { setting: 'custom_lookup_requests', code: 'unknown-variable', detail: '[1].path' },
            { setting: 'custom_field_map', code: 'invalid-mapping', detail: '<b>csm.name</b>' },
            { setting: 'crm_base_url', code: 'required' },
          ]}
        />
      </AppShell>
    )
    expect(screen.getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Custom CRM: lookup requests: [1].path uses a variable the app does not provide.',
      'Custom CRM: field map: the entry at <b>csm.name</b> is not valid. Check it against the guide.',
      'CRM base URL is required.',
    ])
  })
})
