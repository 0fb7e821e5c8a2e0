// The factor types carry what the caller may do (capabilities.edit): another user signing in on
// the same page must not inherit the previous user's answer.
import { describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { useAuthStore } from '@/stores/auth'

vi.mock('@/api/factors', async (orig) => ({ ...(await orig<typeof import('@/api/factors')>()), getFactorTypes: vi.fn() }))

import { getFactorTypes } from '@/api/factors'
import { useFactorTypes } from './useFactorTypes'

const get = getFactorTypes as unknown as ReturnType<typeof vi.fn>
const signIn = (id: number) =>
  useAuthStore().setSession({ user: { id, login: `u${id}`, roles: [], permissions: ['factor.read'] }, csrf_token: 't' } as never)

describe('useFactorTypes', () => {
  it('loads once per user', async () => {
    setActivePinia(createPinia())
    get.mockImplementation(async () => ({ items: [], unresolvable_reason_codes: [], capabilities: { edit: get.mock.calls.length === 1 } }))
    signIn(1)
    const ft = useFactorTypes()
    await ft.load()
    await ft.load()
    expect(get).toHaveBeenCalledTimes(1)
    expect(ft.types.value?.capabilities.edit).toBe(true)

    signIn(2)
    await useFactorTypes().load()
    expect(get).toHaveBeenCalledTimes(2)
    expect(ft.types.value?.capabilities.edit).toBe(false)
  })
})
