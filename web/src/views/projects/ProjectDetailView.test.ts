// The detail page shows what the server says this user may do (project.capabilities), whatever
// the user's roles: the web keeps no copy of who may edit, log, adjudicate, route or move.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import { i18n, setLocale } from '@/locales'
import type { ProjectApi } from '@/api/projects'

vi.mock('@/api/projects', async (orig) => ({
  ...(await orig<typeof import('@/api/projects')>()),
  getProject: vi.fn(),
  getTimeline: vi.fn(async () => ({ items: [] })),
}))
vi.mock('@/api/org', async (orig) => ({ ...(await orig<typeof import('@/api/org')>()), listUnits: vi.fn(async () => ({ items: [] })) }))
vi.mock('@/api/policies', async (orig) => ({
  ...(await orig<typeof import('@/api/policies')>()),
  getProjectPolicies: vi.fn(async () => ({ items: [], matches: 0, near_misses: 0 })),
}))

import { getProject } from '@/api/projects'
import { useAuthStore } from '@/stores/auth'
import ProjectDetailView from './ProjectDetailView.vue'

const get = getProject as unknown as ReturnType<typeof vi.fn>

function project(capabilities: Partial<ProjectApi.Capabilities>, over: Partial<ProjectApi.Project> = {}): ProjectApi.Project {
  return {
    id: 7,
    name: '动力电池PACK生产线项目',
    investor_name: '甲公司',
    stage: 'negotiating',
    next_step: 'sign',
    responsible_unit_name: '宜秀区',
    reporting_unit_name: '宜秀区',
    total_investment_yuan: 1_000_000_000,
    capital_in_place_yuan: 0,
    stage_since: 0,
    promoters: [],
    contacts: [],
    allowed_transitions: ['signed', 'shelved', 'lost'],
    capabilities: {
      edit: false,
      add_activity: false,
      adjudicate: false,
      route: false,
      confirm_capital: false,
      transitions: [],
      ...capabilities,
    },
    ...over,
  } as unknown as ProjectApi.Project
}

async function setup(p: ProjectApi.Project, permissions: string[] = []) {
  get.mockResolvedValue(p)
  const pinia = createPinia()
  setActivePinia(pinia)
  useAuthStore().user = { permissions } as never
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', name: 'projects', component: { template: '<div/>' } },
      { path: '/p/:id', name: 'project-detail', component: { template: '<div/>' } },
      { path: '/p/:id/edit', name: 'project-edit', component: { template: '<div/>' } },
    ],
  })
  const w = mount(ProjectDetailView, {
    props: { id: 7 },
    global: {
      plugins: [ElementPlus, i18n, router, pinia],
      stubs: {
        ProjectInfo: true,
        ProjectTimeline: true,
        PromotersPanel: { props: ['canAdjudicate'], template: '<div data-testid="promoters" :data-adjudicate="String(canAdjudicate)" />' },
        ActivityForm: true,
        ProjectMatches: true,
        RouteDialog: true,
        PendingRouting: true,
        ProjectFactors: true,
        AttachmentsPanel: { props: ['missing'], template: '<div data-testid="files" :data-missing="JSON.stringify(missing)" />' },
        TransitionDialog: {
          props: ['transition'],
          template: '<div data-testid="dialog" :data-to="transition?.to" :data-ask="transition?.ask.join()" />',
        },
      },
    },
    attachTo: document.body,
  })
  await flushPromises()
  return w
}

describe('project detail follows the capabilities it is given', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    setLocale('zh-CN')
  })
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('offers nothing when the server allows nothing, even with allowed_transitions', async () => {
    const w = await setup(project({}))
    expect(w.text()).not.toContain('编辑')
    expect(w.find('[data-testid="project-route"]').exists()).toBe(false)
    expect(w.findAll('[data-testid^="transition-"]')).toHaveLength(0)
    expect(w.find('[data-testid="project-next"]').text()).toContain(i18n.global.t('pipeline.detail.noTransitions'))
    expect(w.find('[data-testid="promoters"]').attributes('data-adjudicate')).toBe('false')
    expect(w.text()).not.toContain(i18n.global.t('pipeline.detail.tabs.activity'))
  })

  it('shows edit, activity, adjudication and the transitions the server lists, forward moves first', async () => {
    const w = await setup(
      project({
        edit: true,
        add_activity: true,
        adjudicate: true,
        transitions: [
          { to: 'lost', ask: [], reason_codes: ['other'], reason: 'optional' },
          { to: 'signed', ask: ['signing_date'], reason_codes: [], reason: 'none' },
        ],
      }),
    )
    expect(w.text()).toContain(i18n.global.t('pipeline.detail.edit'))
    expect(w.text()).toContain(i18n.global.t('pipeline.detail.tabs.activity'))
    expect(w.find('[data-testid="promoters"]').attributes('data-adjudicate')).toBe('true')
    expect(w.findAll('button[data-testid^="transition-"]').map((b) => b.attributes('data-testid'))).toEqual([
      'transition-signed',
      'transition-lost',
    ])
    await w.find('[data-testid="transition-signed"]').trigger('click')
    expect(w.find('[data-testid="dialog"]').attributes()).toMatchObject({ 'data-to': 'signed', 'data-ask': 'signing_date' })
  })

  it("hands the files panel each move's missing evidence as the server lists it", async () => {
    const w = await setup(
      project({
        attach: true,
        transitions: [
          { to: 'signed', ask: [], reason_codes: [], reason: 'none', evidence: ['investment_agreement'] },
          { to: 'lost', ask: [], reason_codes: ['other'], reason: 'optional', evidence: [] },
        ],
      }),
    )
    expect(JSON.parse(w.find('[data-testid="files"]').attributes('data-missing')!)).toEqual([
      { to: 'signed', kinds: ['investment_agreement'] },
      { to: 'lost', kinds: [] },
    ])
  })

  it('shows 分派 only when the server says route', async () => {
    const pooled = { stage: 'approved', next_step: 'route_to_park' } as const
    expect((await setup(project({ route: true }, pooled))).find('[data-testid="project-route"]').exists()).toBe(true)
    document.body.innerHTML = ''
    expect((await setup(project({ route: false }, pooled))).find('[data-testid="project-route"]').exists()).toBe(false)
  })

  it('offers 向专家提问 to whoever reads the guide, opening the ask dialog with the project', async () => {
    expect((await setup(project({}))).find('[data-testid="project-ask"]').exists()).toBe(false)
    document.body.innerHTML = ''
    const w = await setup(project({}), ['project.read', 'guide.read'])
    await w.find('[data-testid="project-ask"]').trigger('click')
    await flushPromises()
    expect(document.querySelector('[data-testid="qa-ask-project"]')?.textContent).toBe('动力电池PACK生产线项目')
  })
})
