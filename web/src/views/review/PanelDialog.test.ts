// The panel dialog offers as members whom the server says a panel may take
// (GET /review/eligible-members, the rule a save checks), with no list of roles of its own.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { i18n, setLocale } from '@/locales'

vi.mock('@/api/review', async (orig) => ({ ...(await orig<typeof import('@/api/review')>()), listEligibleMembers: vi.fn() }))

import { listEligibleMembers } from '@/api/review'
import PanelDialog from './PanelDialog.vue'

const eligible = listEligibleMembers as unknown as ReturnType<typeof vi.fn>

describe('panel dialog', () => {
  afterEach(() => {
    eligible.mockReset()
    document.body.innerHTML = ''
  })

  it('offers exactly the accounts the server lists, searching by what is typed', async () => {
    setLocale('zh-CN')
    const pinia = createPinia()
    setActivePinia(pinia)
    eligible.mockResolvedValue({
      items: [
        { id: 5, login: 'reviewer', name: '陈静', unit_id: 4, unit_name: '皖江产业技术研究院', roles: ['reviewer'] },
        { id: 9, login: 'expert', name: '王建国', unit_id: 6, unit_name: '招商项目预审专家库', roles: ['expert'] },
      ],
    })
    const w = mount(PanelDialog, {
      props: { open: false, editing: null },
      global: { plugins: [ElementPlus, i18n, pinia] },
      attachTo: document.body,
    })
    await w.setProps({ open: true })
    await flushPromises()
    const pick = w.findAllComponents({ name: 'ElSelect' }).find((s) => s.attributes('data-testid') === 'panel-member-pick')!
    await pick.vm.$emit('focus', new FocusEvent('focus'))
    await flushPromises()
    expect(eligible).toHaveBeenCalledWith('')
    expect(pick.findAllComponents({ name: 'ElOption' }).map((o) => o.props('value'))).toEqual([5, 9])
    ;(pick.props('remoteMethod') as (q: string) => void)(' 王 ')
    await flushPromises()
    expect(eligible).toHaveBeenLastCalledWith('王')
  })
})
