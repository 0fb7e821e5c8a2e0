// 阶段佐证材料要求: the stages are the server's (`stage_evidence` keys), the kinds GET /attachments/kinds;
// a save sends `stage_evidence` alone and the server's field errors stand under their stage.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { ApiError } from '@/api/http'
import { i18n, setLocale } from '@/locales'

vi.mock('@/api/projects', async (orig) => ({
  ...(await orig<typeof import('@/api/projects')>()),
  getPipelineSettings: vi.fn(),
  putPipelineSettings: vi.fn(),
}))
vi.mock('@/api/attachments', async (orig) => ({
  ...(await orig<typeof import('@/api/attachments')>()),
  getAttachmentKinds: vi.fn(async () => ({
    kinds: [
      { code: 'investment_agreement', name: '投资协议', stages: ['negotiating', 'signed'] },
      { code: 'construction_permit', name: '施工许可证', stages: ['construction'] },
      { code: 'production_photo', name: '投产照片', stages: ['production'] },
    ],
    formats: [],
    max_bytes: 1,
    max_files: 200,
  })),
}))

import { getPipelineSettings, putPipelineSettings } from '@/api/projects'
import { resetAttachmentKinds } from '@/composables/useAttachments'
import StageEvidenceCard from './StageEvidenceCard.vue'

const get = getPipelineSettings as unknown as ReturnType<typeof vi.fn>
const put = putPipelineSettings as unknown as ReturnType<typeof vi.fn>
const SETTINGS = {
  stage_deadline_days: { lead: 3 },
  routing_days: 5,
  // the server's key order is not the funnel's: the card orders them itself
  stage_evidence: { production: [], signed: ['investment_agreement'], construction: [] },
}

async function setup() {
  const w = mount(StageEvidenceCard, { global: { plugins: [ElementPlus, i18n] }, attachTo: document.body })
  await flushPromises()
  return w
}
const select = (w: VueWrapper, stage: string) => w.find(`[data-testid="evidence-${stage}"]`).findComponent({ name: 'ElSelect' })
async function choose(w: VueWrapper, stage: string, kinds: string[]) {
  select(w, stage).vm.$emit('update:modelValue', kinds)
  await flushPromises()
}
const save = async (w: VueWrapper) => {
  await w.find('[data-testid="evidence-form"]').trigger('submit')
  await flushPromises()
}

describe('stage evidence card', () => {
  beforeEach(() => {
    setLocale('zh-CN')
    resetAttachmentKinds()
    get.mockReset().mockResolvedValue(structuredClone(SETTINGS))
    put.mockReset()
  })
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it("shows the server's stages in funnel order with their kinds, in words", async () => {
    const w = await setup()
    const labels = w.findAllComponents({ name: 'ElFormItem' }).map((i) => i.props('label'))
    expect(labels.slice(0, 3)).toEqual(['已签约', '已开工', '已投产'])
    expect(select(w, 'signed').props('modelValue')).toEqual(['investment_agreement'])
    expect(
      select(w, 'construction')
        .findAllComponents({ name: 'ElOption' })
        .map((o) => o.props('label')),
    ).toEqual(['投资协议', '施工许可证', '投产照片'])
    expect(w.find('[data-testid="evidence-unsaved"]').exists()).toBe(false)
  })

  it('sends stage_evidence alone and shows what the server saved', async () => {
    const w = await setup()
    await choose(w, 'construction', ['construction_permit'])
    expect(w.find('[data-testid="evidence-unsaved"]').exists()).toBe(true)
    put.mockResolvedValue({
      ...SETTINGS,
      stage_evidence: { signed: ['investment_agreement'], construction: ['construction_permit'], production: [] },
    })
    await save(w)
    expect(put).toHaveBeenCalledWith(
      { stage_evidence: { production: [], signed: ['investment_agreement'], construction: ['construction_permit'] } },
      { silent: true },
    )
    expect(w.find('[data-testid="evidence-unsaved"]').exists()).toBe(false)
  })

  it("puts the server's too_many under its stage, and other refusals in the alert", async () => {
    const w = await setup()
    await choose(w, 'construction', ['investment_agreement', 'construction_permit', 'production_photo'])
    put.mockRejectedValueOnce(
      new ApiError(
        400,
        { code: 'invalid_argument', message: 'x', fields: { 'stage_evidence.construction': 'too_many' } },
        '/pipeline/settings',
      ),
    )
    await save(w)
    await vi.waitFor(() =>
      expect(w.find('[data-testid="evidence-construction"] .el-form-item__error').text()).toBe('每个阶段最多要求 5 类材料'),
    )
    put.mockRejectedValueOnce(new ApiError(403, { code: 'forbidden', message: 'x' }, '/pipeline/settings'))
    await save(w)
    expect(w.find('.el-alert--error').text()).toContain('没有权限执行此操作')
    await w.find('[data-testid="evidence-reset"]').trigger('click')
    await flushPromises()
    expect(select(w, 'construction').props('modelValue')).toEqual([])
  })
})
