// @vitest-environment jsdom
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startCrmEmulator, type CrmEmulator } from '../../crm/create-crm-emulator'
import { mountDemoControls } from './demo-controls'

// The demo's fault buttons against a real CRM emulator: they must say what the README promises.
let crm: CrmEmulator
beforeAll(async () => {
  crm = await startCrmEmulator({ dialect: 'salesforce' })
})
afterAll(() => crm.close())
beforeEach(() => {
  crm.reset()
  document.body.replaceChildren()
})

const readmeFaults = (): string[] => {
  const readme = readFileSync(join(import.meta.dirname, '../../../README.md'), 'utf8')
  const list = /\*\*Demo controls\*\* switch CRM faults \(([^)]+)\)/.exec(readme)?.[1]
  if (!list) throw new Error('the README no longer lists the demo controls')
  return list.split(',').map((label) => label.trim())
}

const buttons = (): HTMLButtonElement[] => [...document.querySelectorAll<HTMLButtonElement>('button')]
const status = (): string => document.querySelector('[data-testid="fault-status"]')?.textContent ?? ''

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !condition(); i++) await new Promise((r) => setTimeout(r, 20))
  expect(condition()).toBe(true)
}

describe('demo controls', () => {
  it('label the fault buttons as the README does, after a button that clears the fault', () => {
    mountDemoControls(document.body, crm.url)
    const [clear, ...faults] = buttons().map((button) => button.textContent)
    expect(clear).toBe('No fault')
    expect(faults).toEqual(readmeFaults())
  })

  it('switch the CRM emulator to the fault a button names, and say so in the same words', async () => {
    mountDemoControls(document.body, crm.url)
    await until(() => status() === 'CRM fault: none')
    buttons()
      .find((button) => button.textContent === '500')
      ?.click()
    await until(() => crm.faults().mode === 'server-error')
    await until(() => status() === 'CRM fault: 500 (server-error)')
    buttons()
      .find((button) => button.textContent === 'No fault')
      ?.click()
    await until(() => crm.faults().mode === 'none')
  })
})
