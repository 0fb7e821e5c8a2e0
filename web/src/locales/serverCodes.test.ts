// Every code the server shows a user has words in both languages: the audit log's action codes
// and the roles page's permission codes. The lists are the tables of docs/api.md, which the
// server's own tests keep equal to its code (AuditNamesApi.TheActionTableInTheDocsIsTheServers,
// AuthzMatrix.TheRoleTableInTheDocsIsTheRoleTableOfTheServer): a code added on the server without
// a translation fails here.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { i18n } from '@/locales'

// vitest runs from web/ (happy-dom gives import.meta.url an http scheme)
const doc = fs.readFileSync(path.resolve(process.cwd(), '../docs/api.md'), 'utf8')

function between(begin: string, end: string): string {
  const a = doc.indexOf(begin)
  const b = doc.indexOf(end)
  expect(a, `${begin} in docs/api.md`).toBeGreaterThanOrEqual(0)
  expect(b, `${end} in docs/api.md`).toBeGreaterThan(a)
  return doc.slice(a, b)
}

/** action code → its Chinese name, from the audit action table. */
function actions(): Map<string, string> {
  const out = new Map<string, string>()
  for (const m of between('<!-- audit-actions:begin -->', '<!-- audit-actions:end -->').matchAll(
    /^\| `([a-z_.]+)` \| [a-z_]+ \| [a-z]+ \| (.+?) \|$/gm,
  ))
    out.set(m[1], m[2])
  return out
}

/** every permission the role table grants. */
function permissions(): Set<string> {
  const out = new Set<string>()
  for (const m of between('<!-- roles:begin -->', '<!-- roles:end -->').matchAll(/`([a-z_]+\.[a-z_]+)` (?:self|unit|subtree|all)/g))
    out.add(m[1])
  return out
}

describe('codes the server shows', () => {
  it('reads the tables', () => {
    expect(actions().size).toBeGreaterThan(40)
    expect(actions().get('project.transition')).toBe('阶段变更')
    expect(permissions().has('project.read')).toBe(true)
  })

  it('every audit action has words in both languages, the Chinese as the server words it in the export', () => {
    const missing: string[] = []
    for (const [code, zh] of actions()) {
      for (const loc of ['zh-CN', 'en'] as const) if (!i18n.global.te(`audit.actions.${code}`, loc)) missing.push(`${loc} ${code}`)
      if (i18n.global.te(`audit.actions.${code}`, 'zh-CN')) expect(i18n.global.t(`audit.actions.${code}`, {}, { locale: 'zh-CN' })).toBe(zh)
    }
    expect(missing).toEqual([])
  })

  it('every permission of the role table has words in both languages', () => {
    const missing: string[] = []
    for (const p of permissions())
      for (const loc of ['zh-CN', 'en'] as const) if (!i18n.global.te(`roles.permissions.${p}`, loc)) missing.push(`${loc} ${p}`)
    expect(missing).toEqual([])
  })

  it('every object kind the actions name has words', () => {
    const kinds = new Set<string>()
    for (const m of between('<!-- audit-actions:begin -->', '<!-- audit-actions:end -->').matchAll(/^\| `[a-z_.]+` \| ([a-z_]+) \|/gm))
      kinds.add(m[1])
    const missing = [...kinds].flatMap((k) =>
      (['zh-CN', 'en'] as const).filter((loc) => !i18n.global.te(`audit.objectTypes.${k}`, loc)).map((loc) => `${loc} ${k}`),
    )
    expect(missing).toEqual([])
  })
})
