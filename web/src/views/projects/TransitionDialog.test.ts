// The transition dialog asks for exactly what the capability entry lists, offers its reason
// codes and sends only those inputs; it has no table of its own of what each move needs.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { i18n, setLocale } from '@/locales'
import type { ProjectApi } from '@/api/projects'

vi.mock('@/api/projects', async (orig) => ({ ...(await orig<typeof import('@/api/projects')>()), transitionProject: vi.fn() }))

import { transitionProject } from '@/api/projects'
import TransitionDialog from './TransitionDialog.vue'

const post = transitionProject as unknown as ReturnType<typeof vi.fn>
const project = { id: 7, name: '新能源汽车电机项目', stage: 'negotiating' as const, version: 3 }

async function setup(transition: ProjectApi.TransitionCapability) {
  const w = mount(TransitionDialog, {
    props: { open: false, project, transition, units: [] },
    global: { plugins: [ElementPlus, i18n, createPinia()] },
    attachTo: document.body,
  })
  await w.setProps({ open: true })
  await flushPromises()
  return w
}
const shown = (id: string) => document.querySelector(`[data-testid="${id}"]`) !== null

describe('transition dialog follows the capability entry', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    setLocale('zh-CN')
    post.mockReset().mockResolvedValue({ ...project, stage: 'signed' })
  })
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('asks only for the inputs listed (a contracted investment already on the project is not asked)', async () => {
    await setup({ to: 'signed', ask: ['signing_date'], reason_codes: [], reason: 'none' })
    expect(shown('field-signing-date')).toBe(true)
    expect(shown('field-contracted')).toBe(false)
    expect(shown('transition-park')).toBe(false)
    expect(shown('transition-reason-code')).toBe(false)
    expect(document.querySelector('textarea')).toBeNull()
  })

  it('offers the reason codes it is given, with the text optional unless the code is other', async () => {
    const w = await setup({ to: 'shelved', ask: [], reason_codes: ['investor_paused', 'other'], reason: 'optional' })
    expect(shown('transition-reason-code')).toBe(true)
    const select = w.findComponent({ name: 'ElSelect' })
    expect(select.findAllComponents({ name: 'ElOption' }).map((o) => o.props('value'))).toEqual(['investor_paused', 'other'])
    const reasonItem = () =>
      w.findAllComponents({ name: 'ElFormItem' }).find((i) => i.props('label') === i18n.global.t('pipeline.transition.reason'))!
    expect(reasonItem().props('required')).toBe(false)
    select.vm.$emit('update:modelValue', 'other')
    await flushPromises()
    expect(reasonItem().props('required')).toBe(true)
  })

  it('marks the text required when the server says so, and sends only what it asked', async () => {
    const w = await setup({ to: 'negotiating', ask: [], reason_codes: [], reason: 'required' })
    const reason = w
      .findAllComponents({ name: 'ElFormItem' })
      .find((i) => i.props('label') === i18n.global.t('pipeline.transition.reason'))!
    expect(reason.props('required')).toBe(true)
    await w.find('textarea').setValue(' 投资方重新联系 ')
    await w.find('[data-testid="transition-confirm"]').trigger('click')
    await flushPromises()
    expect(post).toHaveBeenCalledWith(7, { to: 'negotiating', version: 3, fields: {}, reason: '投资方重新联系' }, { silent: true })
    expect(w.emitted('done')).toHaveLength(1)
  })
})
