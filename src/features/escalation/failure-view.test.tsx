import { screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { CrmError } from '../../domain/crm-error'
import type { CrmConnector } from '../../domain/ports'
import { renderWithServices, TestTicket } from '../../test-support/render-card'
import en from '../../../translations/en.json'
import { FailureView } from './failure-view'

const unused: CrmConnector = { findAccount: () => Promise.reject(new Error('no lookup in this test')) }
const ticket = new TestTicket({ requester: null, organization: null })
const lost = {
  status: 'failed',
  step: 'crm',
  error: new CrmError('connection-expired', 'renew', { status: 401, vendorCode: 'INVALID_SESSION_ID' }),
  prior: 0,
} as const

describe('FailureView when the Salesforce connection is gone', () => {
  it('tells an agent the task was not created because an admin must renew the connection', () => {
    renderWithServices(<FailureView state={lost} />, unused, ticket, { auth: 'oauth' })
    expect(screen.getByTestId('escalation-failed')).toHaveTextContent(
      'The CRM task was not created: The Salesforce connection needs to be renewed by a Zendesk admin.'
    )
    expect(screen.queryByTestId('renewal-steps')).not.toBeInTheDocument()
  })

  it('tells an admin where to renew it', () => {
    renderWithServices(<FailureView state={lost} />, unused, ticket, { auth: 'oauth', admin: true })
    expect(screen.getByTestId('renewal-steps')).toHaveTextContent(en.ui.error.renew.oauth)
  })
})

describe('FailureView when the CRM did not answer the create', () => {
  for (const error of [
    new CrmError('unavailable', 'The CRM did not answer in time', { timedOut: true, unconfirmedWrite: true }),
    new CrmError('unavailable', 'The CRM could not be reached', { timedOut: false, unconfirmedWrite: true }),
    new CrmError('unavailable', 'The CRM failed with status 502', { status: 502, unconfirmedWrite: true }),
  ]) {
    it(`says the task may exist, not that it was not created (${error.message})`, () => {
      renderWithServices(
        <FailureView state={{ status: 'failed', step: 'crm', error, prior: 0 }} />,
        unused,
        ticket
      )
      const text = screen.getByTestId('escalation-failed').textContent ?? ''
      expect(text).toBe(en.ui.escalation.failed.crmUnconfirmed)
      expect(text).not.toContain('was not created')
    })
  }

  it('still says "not created" when the CRM refused it', () => {
    const refused = new CrmError('forbidden', 'The CRM refused access', { status: 403 })
    renderWithServices(
      <FailureView state={{ status: 'failed', step: 'crm', error: refused, prior: 0 }} />,
      unused,
      ticket
    )
    expect(screen.getByTestId('escalation-failed')).toHaveTextContent('The CRM task was not created:')
  })
})
