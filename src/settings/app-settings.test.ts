import { describe, expect, it } from 'vitest'
import { parseSettings } from './app-settings'

const valid = { crm_provider: 'salesforce', crm_base_url: 'https://acme.my.salesforce.com/' }

describe('parseSettings', () => {
  it('fills the Salesforce defaults and trims the base URL', () => {
    const result = parseSettings(valid)
    expect(result).toEqual({
      ok: true,
      settings: {
        provider: 'salesforce',
        auth: 'token',
        baseUrl: 'https://acme.my.salesforce.com',
        fields: {
          csm: 'CSM__c',
          healthScore: 'Health_Score__c',
          renewalDate: 'Renewal_Date__c',
          arr: 'ARR__c',
        },
        healthRiskBelow: 50,
        renewalSoonDays: 90,
        healthDropPoints: 10,
        signalWindowDays: 30,
        arrCurrency: 'USD',
        escalationKeyField: null,
        escalationFallbackOwner: null,
        matchOrder: ['organization-external-id', 'requester-email', 'email-domain'],
        hubspotPortalId: null,
        custom: null,
        majorAccountArr: null,
        criticalTags: [],
        churnPhrases: [
          'cancel',
          'cancellation',
          'not renew',
          'other vendors',
          'switch to',
          'competitor',
          'refund',
        ],
        // Off until the admin who installs a bot token chooses dm or channel (the app cannot see the token).
        slack: { notify: 'off', channel: null },
        followAsCsm: true,
      },
    })
  })

  it('reads the Slack and follower settings and checks their shape', () => {
    expect(
      parseSettings({ ...valid, slack_notify: 'Channel', slack_channel: '#C0CSESCAL1', follow_as_csm: false })
    ).toMatchObject({
      ok: true,
      settings: { slack: { notify: 'channel', channel: 'C0CSESCAL1' }, followAsCsm: false },
    })
    expect(parseSettings({ ...valid, slack_notify: 'off' })).toMatchObject({
      settings: { slack: { notify: 'off' } },
    })
    expect(parseSettings({ ...valid, slack_notify: 'email', slack_channel: 'cs-escalations' })).toEqual({
      ok: false,
      problems: [
        { setting: 'slack_notify', code: 'invalid-slack-notify' },
        { setting: 'slack_channel', code: 'invalid-slack-channel' },
      ],
    })
    // Channel mode needs a channel to post in.
    expect(parseSettings({ ...valid, slack_notify: 'channel' })).toEqual({
      ok: false,
      problems: [{ setting: 'slack_channel', code: 'required' }],
    })
  })

  it('reads the "Why now" settings: a major-account ARR, critical tags, one churn phrase per line', () => {
    const result = parseSettings({
      ...valid,
      major_account_arr: '1000000',
      critical_tags: 'Outage, security  p1',
      churn_phrases: 'kündigen\r\n\n  other vendors  \n',
    })
    expect(
      result.ok && [
        result.settings.majorAccountArr,
        result.settings.criticalTags,
        result.settings.churnPhrases,
      ]
    ).toEqual([1_000_000, ['outage', 'security', 'p1'], ['kündigen', 'other vendors']])
    expect(parseSettings({ ...valid, major_account_arr: 'lots' })).toMatchObject({
      ok: false,
      problems: [{ setting: 'major_account_arr', code: 'not-a-number' }],
    })
  })

  it('reads the health drop and the signal window, within their ranges', () => {
    const result = parseSettings({ ...valid, health_drop_points: '15', signal_window_days: 14 })
    expect(result.ok && [result.settings.healthDropPoints, result.settings.signalWindowDays]).toEqual([
      15, 14,
    ])
    expect(parseSettings({ ...valid, health_drop_points: 0, signal_window_days: '366' })).toMatchObject({
      ok: false,
      problems: [
        { setting: 'health_drop_points', code: 'out-of-range' },
        { setting: 'signal_window_days', code: 'out-of-range' },
      ],
    })
  })

  it('accepts numbers sent as strings and custom field names', () => {
    const result = parseSettings({
      ...valid,
      health_risk_below: '60',
      renewal_soon_days: 30,
      field_csm: 'OwnerId',
    })
    expect(result.ok && result.settings).toMatchObject({
      healthRiskBelow: 60,
      renewalSoonDays: 30,
      fields: { csm: 'OwnerId' },
    })
  })

  it('names every bad setting at once, without echoing values', () => {
    const result = parseSettings({
      crm_provider: 'pipedrive',
      crm_base_url: 'http://acme.example',
      field_health_score: "Health__c FROM User WHERE Name != '",
      health_risk_below: 'lots',
      renewal_soon_days: '-4',
      arr_currency: 'dollars',
    })
    expect(result).toEqual({
      ok: false,
      problems: [
        { setting: 'crm_provider', code: 'unsupported-provider' },
        { setting: 'crm_base_url', code: 'insecure-url' },
        { setting: 'field_health_score', code: 'invalid-field-name' },
        { setting: 'health_risk_below', code: 'not-a-number' },
        { setting: 'renewal_soon_days', code: 'out-of-range' },
        { setting: 'arr_currency', code: 'invalid-currency' },
      ],
    })
  })

  it('requires a base URL whatever the provider', () => {
    expect(parseSettings({ crm_provider: 'hubspot' })).toEqual({
      ok: false,
      problems: [{ setting: 'crm_base_url', code: 'required' }],
    })
  })

  it('reads match_order as a comma-separated cascade and refuses unknown or repeated strategies', () => {
    const ordered = parseSettings({ ...valid, match_order: ' Requester-Email, email-domain ' })
    expect(ordered.ok && ordered.settings.matchOrder).toEqual(['requester-email', 'email-domain'])
    for (const match_order of ['requester-email,requester-email', 'email-domain, name', ', ,x']) {
      expect(parseSettings({ ...valid, match_order })).toEqual({
        ok: false,
        problems: [{ setting: 'match_order', code: 'invalid-match-order' }],
      })
    }
  })

  it('allows plain HTTP only for loopback hosts, where the local emulator runs', () => {
    expect(parseSettings({ ...valid, crm_base_url: 'http://127.0.0.1:4010' }).ok).toBe(true)
    expect(parseSettings({ ...valid, crm_base_url: 'ftp://acme.example' })).toMatchObject({
      ok: false,
      problems: [{ setting: 'crm_base_url', code: 'invalid-url' }],
    })
    expect(parseSettings({ ...valid, crm_base_url: 'not a url' })).toMatchObject({
      ok: false,
      problems: [{ setting: 'crm_base_url', code: 'invalid-url' }],
    })
  })

  it('reads the optional escalation settings and checks their shape', () => {
    expect(
      parseSettings({
        ...valid,
        field_escalation_external_id: 'Zendesk_Escalation_Key__c',
        escalation_fallback_owner: '005000000000009AAA',
      })
    ).toMatchObject({
      ok: true,
      settings: {
        escalationKeyField: 'Zendesk_Escalation_Key__c',
        escalationFallbackOwner: '005000000000009AAA',
      },
    })
    expect(
      parseSettings({
        ...valid,
        field_escalation_external_id: 'Key__c = 1',
        escalation_fallback_owner: "005' OR 1",
      })
    ).toEqual({
      ok: false,
      problems: [
        { setting: 'field_escalation_external_id', code: 'invalid-field-name' },
        { setting: 'escalation_fallback_owner', code: 'invalid-user-id' },
      ],
    })
  })

  it('rejects a settings object of the wrong shape with a readable problem', () => {
    expect(parseSettings({ crm_base_url: { nested: true } })).toEqual({
      ok: false,
      problems: [{ setting: 'crm_base_url', code: 'required' }],
    })
  })
})

describe('how the proxy authenticates CRM calls', () => {
  it('uses the OAuth connection when the Salesforce OAuth package declares salesforce_oauth, whatever its value', () => {
    for (const value of ['', 'connected', null])
      expect(parseSettings({ ...valid, salesforce_oauth: value })).toMatchObject({
        ok: true,
        settings: { auth: 'oauth' },
      })
  })

  it('uses the token setting without it, and for HubSpot and custom CRMs even with it', () => {
    expect(parseSettings(valid)).toMatchObject({ settings: { auth: 'token' } })
    expect(
      parseSettings({ crm_provider: 'hubspot', crm_base_url: 'https://api.hubapi.com', salesforce_oauth: '' })
    ).toMatchObject({ settings: { auth: 'token' } })
  })
})
