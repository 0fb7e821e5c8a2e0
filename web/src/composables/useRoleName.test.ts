import { beforeEach, describe, expect, it } from 'vitest'
import { defineComponent, h } from 'vue'
import { mount } from '@vue/test-utils'
import { i18n, setLocale } from '@/locales'
import { useRoleName } from './useRoleName'

const Harness = defineComponent({ setup: () => ({ roleName: useRoleName() }), render: () => h('div') })
const roleName = (code: string) =>
  (mount(Harness, { global: { plugins: [i18n] } }).vm as unknown as { roleName: (c: string) => string }).roleName(code)

describe('useRoleName', () => {
  beforeEach(() => setLocale('zh-CN'))

  it('names a role in the UI language', () => {
    expect(roleName('coordinator')).toBe('投促局统筹')
    setLocale('en')
    expect(roleName('coordinator')).toBe(i18n.global.t('roles.names.coordinator'))
    expect(roleName('coordinator')).not.toBe('coordinator')
  })

  it('shows an unknown code as it is', () => {
    expect(roleName('night_watch')).toBe('night_watch')
  })
})
