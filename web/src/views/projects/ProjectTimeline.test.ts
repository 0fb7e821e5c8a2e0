// 动态: the scheduler's escalation steps read as sentences — tier, working days past the deadline,
// the deadline, and for a routing that it is the park's answer that is late — with no actor.
import { afterEach, describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { i18n, setLocale } from '@/locales'
import type { ProjectApi } from '@/api/projects'
import ProjectTimeline from './ProjectTimeline.vue'

// As pipeline_routes.cpp sends them: the event's detail under `changes`.
const ITEMS = [
  {
    at: 3,
    kind: 'escalated',
    actor_name: '',
    from: null,
    to: null,
    reason_code: null,
    reason: null,
    changes: { tier: 'coordinator', deadline: '2026-11-20', days_over: 6, object_type: 'routing', routing_id: 4 },
  },
  {
    at: 2,
    kind: 'escalated',
    actor_name: '',
    from: null,
    to: null,
    reason_code: null,
    reason: null,
    changes: { tier: 'unit_head', deadline: '2026-11-24', days_over: 3, object_type: 'project' },
  },
] as unknown as ProjectApi.TimelineEntry[]

describe('project timeline: 超期上报', () => {
  afterEach(() => setLocale('zh-CN'))

  it('words each step by tier and days, and names no actor', async () => {
    const w = mount(ProjectTimeline, { props: { items: ITEMS }, global: { plugins: [ElementPlus, i18n] } })
    const lines = w.findAll('[data-testid="timeline-escalated"]').map((e) => e.text())
    expect(lines).toEqual([
      '分派接收已超期 6 个工作日，上报至统筹部门（期限 2026-11-20）',
      '已超期 3 个工作日，上报至单位负责人（期限 2026-11-24）',
    ])
    expect(w.text()).toContain('超期上报')
    expect(w.findAll('.actor').every((a) => a.text() === '')).toBe(true)
    setLocale('en')
    await w.vm.$nextTick()
    expect(w.findAll('[data-testid="timeline-escalated"]')[1].text()).toBe(
      '3 working days overdue: raised to the unit head (deadline 2026-11-24)',
    )
  })
})
