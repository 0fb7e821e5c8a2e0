import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createMemoryHistory, createRouter } from 'vue-router'
import { ApiError } from '@/api/http'
import { i18n, setLocale } from '@/locales'

vi.mock('@/api/projects', async (orig) => ({
  ...(await orig<typeof import('@/api/projects')>()),
  previewImport: vi.fn(),
  commitImport: vi.fn(),
  getImportReport: vi.fn(),
  getImportTemplate: vi.fn(),
  collisionCheck: vi.fn(async () => ({ hits: [] })),
}))
vi.mock('@/composables/useIndustries', () => ({
  useIndustries: () => ({ load: async () => undefined, label: (c: string) => c }),
}))

import { previewImport } from '@/api/projects'
import ProjectImportView from './ProjectImportView.vue'

const preview = previewImport as unknown as ReturnType<typeof vi.fn>

function setup() {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', name: 'projects', component: { template: '<div/>' } },
      { path: '/projects/:id', name: 'project-detail', component: { template: '<div/>' } },
    ],
  })
  return mount(ProjectImportView, { global: { plugins: [ElementPlus, i18n, router] }, attachTo: document.body })
}

/** What el-upload hands to on-change when the user picks a file. */
async function pick(w: ReturnType<typeof setup>, file: File) {
  const onChange = w.findComponent({ name: 'ElUpload' }).props('onChange') as (f: unknown) => void
  onChange({ name: file.name, size: file.size, raw: file, status: 'ready', uid: 1 })
  await flushPromises()
}

describe('lead import page', () => {
  beforeEach(() => {
    setLocale('zh-CN')
    preview.mockReset()
  })
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('refuses a file that is neither .xlsx nor .csv without sending it', async () => {
    const w = setup()
    await pick(w, new File(['x'], '台账.xls'))
    expect(preview).not.toHaveBeenCalled()
    expect(w.find('[data-testid="import-error"]').text()).toContain('请选择 .xlsx 或 .csv 文件')
  })

  it('lists the missing header columns of invalid_file in the template order', async () => {
    preview.mockRejectedValue(
      new ApiError(400, { code: 'invalid_file', message: 'lacks columns', fields: { 来源渠道: 'required', 项目名称: 'required' } }, '/x'),
    )
    const w = setup()
    await pick(w, new File(['名称\n甲\n'], 'leads.CSV'))
    expect(preview).toHaveBeenCalledWith(expect.any(File), 'text/csv', { silent: true })
    const tags = w.findAll('[data-testid="import-missing-column"]').map((t) => t.text())
    expect(tags).toEqual(['项目名称', '来源渠道'])
    expect(w.find('[data-testid="import-error"]').text()).toContain('文件缺少以下必需的列')
    expect(w.find('[data-testid="import-preview"]').exists()).toBe(false)
  })

  it('shows the totals and each rejected column with its reason', async () => {
    preview.mockResolvedValue({
      total: 2,
      valid: 1,
      rejected: 1,
      rows: [
        {
          row: 2,
          ok: true,
          errors: {},
          name: '甲',
          investor_name: '甲公司',
          industry_code: '3612',
          total_investment_yuan: 80_005_000,
          collision_project_id: null,
        },
        {
          row: 3,
          ok: false,
          errors: { 来源渠道: 'invalid_value', 行业代码: 'invalid_value' },
          name: '乙',
          investor_name: '乙公司',
          industry_code: '9999',
          total_investment_yuan: null,
          collision_project_id: null,
        },
      ],
    })
    const w = setup()
    await pick(w, new File([new Uint8Array([0x50, 0x4b])], 'leads.xlsx'))
    expect(preview.mock.calls[0][1]).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    expect(w.find('[data-testid="import-total"]').text()).toBe('共2行')
    expect(w.find('[data-testid="import-valid"]').text()).toBe('可导入1行')
    expect(w.find('[data-testid="import-rejected"]').text()).toBe('有问题1行')
    const problems = w
      .find('[data-testid="import-problems"]')
      .findAll('li')
      .map((li) => li.text())
    expect(problems).toEqual(['行业代码：取值无效', '来源渠道：取值无效']) // in the file's column order
    expect(w.find('[data-testid="import-commit"]').text()).toBe('确认导入1条')
    expect(w.find('[data-testid="import-report"]').exists()).toBe(true)
  })
})
