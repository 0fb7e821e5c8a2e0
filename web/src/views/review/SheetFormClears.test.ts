// The score sheet's messages go as soon as the member fixes the field (no second submit needed).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { i18n, setLocale } from '@/locales'
import type { ReviewApi } from '@/api/review'

vi.mock('@/api/review', async (orig) => ({ ...(await orig<typeof import('@/api/review')>()), putSheet: vi.fn() }))
vi.mock('@/api/meta', () => ({
  getMeta: vi.fn(async () => ({ demo: false, version: '', rules: { reason_codes: { rejected: ['other'] } } })),
}))

import SheetForm from './SheetForm.vue'

const criteria: ReviewApi.Criterion[] = [
  { code: 'industry_fit', name_zh: '产业契合', name_en: 'Industry fit', weight: 60 },
  { code: 'investment', name_zh: '投资强度', name_en: 'Investment', weight: 40 },
]
const item = {
  project_id: 9,
  project: { name: '甲项目' },
  prefill: {},
  top_matches: [],
  my_sheet: null,
  tally: {},
  decision: null,
} as unknown as ReviewApi.RoundItem

describe('SheetForm', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    setLocale('zh-CN')
  })
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('clears the vote and score messages once the member has fixed them', async () => {
    const w = mount(SheetForm, {
      props: { roundId: 1, item, criteria },
      global: { plugins: [ElementPlus, i18n, createPinia()] },
      attachTo: document.body,
    })
    await flushPromises()
    await w.find('form').trigger('submit')
    await flushPromises()
    // Element Plus marks the item .is-error and shows the text after a transition: read the mark.
    const errors = () => w.findAll('.el-form-item.is-error .el-form-item__label').map((e) => e.text())
    expect(errors()).toEqual([i18n.global.t('review.sheet.scores'), i18n.global.t('review.sheet.vote')])

    await w.find('[data-testid="vote-approve"] input').setValue(true)
    await flushPromises()
    expect(errors()).toEqual([i18n.global.t('review.sheet.scores')])

    // One score is not all of them: the message stays until the last one is given.
    const inputs = w.findAll('[data-testid^="score-"] input')
    await inputs[0].setValue('8')
    await inputs[0].trigger('blur')
    await flushPromises()
    expect(errors()).toEqual([i18n.global.t('review.sheet.scores')])
    await inputs[1].setValue('7')
    await inputs[1].trigger('blur')
    await flushPromises()
    expect(errors()).toEqual([])
  })
})
