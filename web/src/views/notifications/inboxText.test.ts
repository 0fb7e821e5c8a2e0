import { describe, expect, it } from 'vitest'
import { i18n } from '@/locales'
import { detailLines, formatMinute, KNOWN_KINDS, kindKey, notificationTarget, TIERS } from './inboxText'

const coordinator = ['workbench.view', 'project.read', 'factor.read', 'supervision.read', 'routing.read', 'review.manage']
const collaborator = ['workbench.view', 'factor.read', 'supervision.read']
const n = (object_type: string, object_id: number, project_id: number | null = null) => ({ object_type, object_id, project_id })

describe('notification → where it is done', () => {
  it('links each object type to its page', () => {
    expect(notificationTarget(n('project', 12), coordinator)).toEqual({ path: '/projects/12', what: 'project' })
    expect(notificationTarget(n('factor_request', 4, 122), coordinator)).toEqual({ path: '/factor-requests/4', what: 'factor_request' })
    expect(notificationTarget(n('supervision_item', 7, 9), coordinator)).toEqual({ path: '/supervision/7', what: 'supervision' })
    expect(notificationTarget(n('supervision', 8), coordinator)).toEqual({ path: '/supervision/8', what: 'supervision' })
    expect(notificationTarget(n('routing', 3, 55), coordinator)).toEqual({ path: '/routings?project_id=55', what: 'routing' })
    expect(notificationTarget(n('review_round', 2, 55), coordinator)).toEqual({ path: '/review/rounds/2', what: 'review_round' })
  })

  it('links an expiring policy to its page for whoever reads the policy library', () => {
    expect(notificationTarget(n('policy', 8), [...coordinator, 'policy.read'])).toEqual({ path: '/policies/8', what: 'policy' })
    expect(notificationTarget(n('policy', 8), ['workbench.view'])).toBeNull()
  })

  it('links an answered question (qa_answered) to its page for whoever reads the guide', () => {
    expect(notificationTarget(n('guide_question', 4), ['workbench.view', 'guide.read'])).toEqual({
      path: '/guide/questions/4',
      what: 'question',
    })
    expect(notificationTarget(n('guide_question', 4), ['workbench.view'])).toBeNull()
    expect(kindKey('qa_answered')).toBe('qa_answered')
  })

  it('falls back to the project for an object type it does not know, else to nothing', () => {
    expect(notificationTarget(n('contract', 3, 55), coordinator)).toEqual({ path: '/projects/55', what: 'project' })
    expect(notificationTarget(n('contract', 3, null), coordinator)).toBeNull()
  })

  it('never links to a page the user may not open', () => {
    // A department reads its factor requests and supervision items, not projects.
    expect(notificationTarget(n('factor_request', 4, 122), collaborator)).toEqual({ path: '/factor-requests/4', what: 'factor_request' })
    expect(notificationTarget(n('project', 12), collaborator)).toBeNull()
    expect(notificationTarget(n('routing', 3, 55), collaborator)).toBeNull()
    expect(notificationTarget(n('contract', 3, 55), collaborator)).toBeNull()
    // Without factor.read the request's project still helps.
    expect(notificationTarget(n('factor_request', 4, 122), ['workbench.view', 'project.read'])).toEqual({
      path: '/projects/122',
      what: 'project',
    })
  })
})

describe('notification wording', () => {
  it('words every known kind in both languages and an unknown kind generically, never as its code', () => {
    const { t, te } = i18n.global
    for (const locale of ['zh-CN', 'en'] as const) {
      i18n.global.locale.value = locale
      for (const k of [...KNOWN_KINDS, 'other']) {
        expect(te(`inbox.kinds.${k}.label`), `${locale} ${k}`).toBe(true)
        const text = t(`inbox.kinds.${k}.text`, { title: '宜秀区线索研判滞后' })
        // The digest has no title of its own: its figures say it all.
        if (k !== 'digest') expect(text).toContain('宜秀区线索研判滞后')
        expect(text).not.toMatch(/[a-z]+_[a-z]+/)
      }
    }
    i18n.global.locale.value = 'zh-CN'
    expect(kindKey('supervision_issued')).toBe('supervision_issued')
    expect(kindKey('escalated')).toBe('escalated')
    expect(kindKey('weekly_report_ready')).toBe('other')
    expect(t(`inbox.kinds.${kindKey('weekly_report_ready')}.text`, { title: 'X' })).not.toContain('weekly')
  })

  it('turns the figures of overdue, escalated and digest into lines, and leaves out what is missing or odd', () => {
    const detail = { tier: 'unit_head', deadline: '2026-11-20', days_over: 3 }
    expect(detailLines({ kind: 'overdue', detail })).toEqual([
      { key: 'inbox.detail.overdueSince', params: { deadline: '2026-11-20', days: 3 } },
    ])
    expect(detailLines({ kind: 'escalated', detail })).toEqual([
      { key: 'inbox.detail.overdueSince', params: { deadline: '2026-11-20', days: 3 } },
      { key: 'inbox.detail.raisedTo', params: { tier: 'unit_head' } },
    ])
    expect(detailLines({ kind: 'escalated', detail: { tier: 'mayor', deadline: '2026-11-20' } })).toEqual([
      { key: 'inbox.detail.deadline', params: { deadline: '2026-11-20' } },
    ])
    expect(detailLines({ kind: 'digest', detail: { overdue: 2, due_soon: 0 } })).toEqual([
      { key: 'inbox.detail.digest', params: { overdue: 2, due_soon: 0 } },
    ])
    expect(detailLines({ kind: 'digest', detail: { overdue: '2' } })).toEqual([])
    expect(detailLines({ kind: 'policy_expiring', detail: { expires_on: '2027-01-15' } })).toEqual([
      { key: 'inbox.detail.expiresOn', params: { date: '2027-01-15' } },
    ])
    expect(detailLines({ kind: 'policy_expiring', detail: { expires_on: 'soon' } })).toEqual([])
    expect(detailLines({ kind: 'supervision_issued', detail: null })).toEqual([])
    expect(detailLines({ kind: 'overdue' })).toEqual([])
    const { t } = i18n.global
    for (const locale of ['zh-CN', 'en'] as const) {
      i18n.global.locale.value = locale
      for (const tier of TIERS) expect(t(`inbox.tiers.${tier}`)).not.toContain('_')
    }
    i18n.global.locale.value = 'zh-CN'
    expect(t('inbox.detail.digest', { overdue: 2, due_soon: 1 })).toBe('2 项已超期，1 项即将到期')
    expect(kindKey('policy_expiring')).toBe('policy_expiring')
    expect(t('inbox.kinds.policy_expiring.text', { title: '新能源汽车产业链招商专项奖励' })).toBe(
      '政策「新能源汽车产业链招商专项奖励」即将到期，请做好政策接续',
    )
  })

  it('words an administrator locked out, and how widely, for the security administrator', () => {
    expect(kindKey('admin_locked')).toBe('admin_locked')
    expect(detailLines({ kind: 'admin_locked', detail: { scope: 'account' } })).toEqual([{ key: 'inbox.detail.lockedAccount', params: {} }])
    expect(detailLines({ kind: 'admin_locked', detail: { scope: 'source' } })).toEqual([{ key: 'inbox.detail.lockedSource', params: {} }])
    expect(detailLines({ kind: 'admin_locked', detail: { scope: 'everything' } })).toEqual([])
    // object_type `user` has no page: nothing to open, never a broken link.
    expect(notificationTarget({ object_type: 'user', object_id: 7, project_id: null }, ['inbox.read', 'user.read'])).toBeNull()
    const { t } = i18n.global
    i18n.global.locale.value = 'en'
    expect(t('inbox.kinds.admin_locked.text', { title: '吴刚 (sysadmin)' })).toBe(
      'The administrator account “吴刚 (sysadmin)” was locked after repeated failed logins: please check',
    )
    i18n.global.locale.value = 'zh-CN'
    expect(t('inbox.kinds.admin_locked.text', { title: '吴刚 (sysadmin)' })).toBe(
      '管理员账号「吴刚 (sysadmin)」因多次登录失败被锁定，请核查',
    )
  })

  it('writes the time as YYYY-MM-DD HH:mm', () => {
    const ms = new Date(2026, 10, 30, 9, 5, 41).getTime()
    expect(formatMinute(ms)).toBe('2026-11-30 09:05')
    expect(formatMinute(null)).toBe('')
  })
})
