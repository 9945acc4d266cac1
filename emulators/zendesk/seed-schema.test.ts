import { describe, expect, it } from 'vitest'
import { loadDefaultSeed, seedSchema } from './state'

describe('the emulated Zendesk’s seed', () => {
  it('refuses two users with one id, which `?as=<id>` and the API would each resolve their own way', () => {
    const seed = loadDefaultSeed()
    const [first] = seed.users
    const twin = { ...first!, name: 'Someone Else', role: 'admin' }
    const result = seedSchema.safeParse({ ...seed, users: [...seed.users, twin] })
    expect(result.success).toBe(false)
    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      [`users.${seed.users.length}.id`, 'another user has this id'],
    ])
    expect(seedSchema.safeParse(seed).success).toBe(true)
  })
})
