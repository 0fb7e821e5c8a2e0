// 超期上报 in words and links: the tier sentence (with and without working days), where each kind
// of item is handled, and a project timeline entry's detail as the server sends it (`changes`).
import { afterEach, describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { defineComponent, h } from 'vue'
import { i18n, setLocale } from '@/locales'
import { escalationDetail, escalationLink, escalationSentence, tierRank } from './escalationText'
import { useEscalationText } from './useEscalationText'

function words() {
  let out!: ReturnType<typeof useEscalationText>
  mount(
    defineComponent({
      setup() {
        out = useEscalationText()
        return () => h('div')
      },
    }),
    { global: { plugins: [i18n] } },
  )
  return out
}

describe('escalation links', () => {
  it('opens each item where it is handled', () => {
    expect(escalationLink({ object_type: 'project', object_id: 12, project_id: 12 })).toBe('/projects/12')
    expect(escalationLink({ object_type: 'routing', object_id: 3, project_id: 44 })).toBe('/routings?project_id=44')
    expect(escalationLink({ object_type: 'factor_request', object_id: 7, project_id: 65 })).toBe('/factor-requests/7')
    expect(escalationLink({ object_type: 'supervision_item', object_id: 5, project_id: null })).toBe('/supervision/5')
  })
  it('falls back to the project for a kind it does not know, and to nothing without one', () => {
    expect(escalationLink({ object_type: 'meeting', object_id: 1, project_id: 9 })).toBe('/projects/9')
    expect(escalationLink({ object_type: 'meeting', object_id: 1, project_id: null })).toBeNull()
    expect(escalationLink({ object_type: 'routing', object_id: 3, project_id: null })).toBe('/routings')
  })
})

describe('escalation sentence', () => {
  afterEach(() => setLocale('zh-CN'))

  it('reminds at the first tier and raises at the others; days only when more than none', () => {
    expect(escalationSentence('responsible', 0)).toEqual({ key: 'reminded', days: null })
    expect(escalationSentence('responsible', 2)).toEqual({ key: 'remindedDays', days: 2 })
    expect(escalationSentence('unit_head', 3)).toEqual({ key: 'raisedDays', days: 3 })
    expect(escalationSentence('coordinator', '5')).toEqual({ key: 'raisedDays', days: 5 })
    expect(escalationSentence('leader')).toEqual({ key: 'raised', days: null })
    expect(escalationSentence('leader', 'x')).toEqual({ key: 'raised', days: null })
    expect(tierRank('responsible')).toBe(1)
    expect(tierRank('leader')).toBe(4)
    expect(tierRank('mayor')).toBe(0)
  })

  it('words the tiers and the step in Chinese and in English, without an actor', () => {
    const w = words()
    expect(w.sentence('unit_head', 3)).toBe('已超期 3 个工作日，上报至单位负责人')
    expect(w.sentence('coordinator', 6, 'routing')).toBe('分派接收已超期 6 个工作日，上报至统筹部门')
    expect(w.sentence('responsible', 0)).toBe('已超期，提醒本人/责任单位')
    expect(w.sentence('leader')).toBe('已超期，上报至分管领导')
    expect(w.tier('unit_head')).toBe('单位负责人')
    expect(w.tier('coordinator')).toBe('统筹部门')
    expect(w.tier('leader')).toBe('分管领导')
    expect(w.tier('responsible')).toBe('本人/责任单位')
    expect(w.object('supervision_item')).toBe('督办')
    expect(w.object('meeting')).toBe('事项')
    setLocale('en')
    expect(w.sentence('unit_head', 3)).toBe('3 working days overdue: raised to the unit head')
    expect(w.sentence('unit_head', 1)).toBe('1 working day overdue: raised to the unit head')
    expect(w.sentence('coordinator')).toBe('Overdue: raised to the coordinating bureau')
    expect(w.tier('leader')).toBe('Leader in charge')
    expect(w.object('factor_request')).toBe('Factor request')
  })

  it('reads a project timeline entry’s detail from `changes`, plain or as a change', () => {
    expect(escalationDetail({ tier: 'unit_head', deadline: '2026-11-20', days_over: 3, object_type: 'routing', routing_id: 4 })).toEqual({
      tier: 'unit_head',
      deadline: '2026-11-20',
      daysOver: 3,
      objectType: 'routing',
    })
    expect(escalationDetail({ tier: { from: null, to: 'leader' } })).toEqual({
      tier: 'leader',
      deadline: null,
      daysOver: null,
      objectType: null,
    })
    expect(escalationDetail(undefined)).toEqual({ tier: null, deadline: null, daysOver: null, objectType: null })
  })
})
