import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { i18n } from '@/locales'
import { IMPORT_COLUMNS, IMPORT_REASONS, importColumnOf, sortedProblems } from './importColumns'

// vitest runs from web/; the contract is docs/api.md "Ledger Excel export and import".
const doc = path.resolve(process.cwd(), '../docs/api.md')
const section = fs.existsSync(doc)
  ? (fs.readFileSync(doc, 'utf8').split('## Ledger Excel export and import')[1]?.split(/\n## /)[0] ?? '')
  : ''

describe('lead import columns', () => {
  it.skipIf(!section)('match the header texts, order and required marks of docs/api.md', () => {
    const list = /Columns \(header text, in this order; \* = required\):([\s\S]*?)\.\s*$/m.exec(section)?.[1]
    expect(list, 'column list in docs/api.md').toBeTruthy()
    const documented = list!
      .replace(/\s+\([^)]*\)/g, '') // "是否外资 (是/否)", "来源渠道* (中文名称: …)" — ASCII parentheses only
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .map((s) => ({ header: s.replace(/\*$/, ''), required: s.endsWith('*') }))
    expect(IMPORT_COLUMNS.map(({ header, required }) => ({ header, required }))).toEqual(documented)
  })

  it.skipIf(!section)('cover every reason code docs/api.md lists', () => {
    const codes = /reasons: `([a-z_\s]+)`/.exec(section)?.[1].split(/\s+/) ?? []
    expect(codes).toContain('duplicate_in_file')
    for (const c of codes) expect(IMPORT_REASONS).toContain(c)
  })

  it('have words in both languages for every column and reason', () => {
    for (const loc of ['zh-CN', 'en'] as const) {
      for (const c of IMPORT_COLUMNS) expect(i18n.global.te(`pipeline.import.columns.${c.field}`, loc), `${loc} ${c.field}`).toBe(true)
      for (const r of IMPORT_REASONS) expect(i18n.global.te(`pipeline.import.reasons.${r}`, loc), `${loc} ${r}`).toBe(true)
    }
    // In Chinese a column is named exactly as in the file.
    for (const c of IMPORT_COLUMNS) expect(i18n.global.t(`pipeline.import.columns.${c.field}`, {}, { locale: 'zh-CN' })).toBe(c.header)
    expect(i18n.global.t('pipeline.import.reasons.duplicate_in_file', {}, { locale: 'zh-CN' })).toBe('与文件中前面的行重复')
  })

  it('finds a column by its header and orders problems as the file does', () => {
    expect(importColumnOf(' 计划总投资（万元） ')?.field).toBe('total_investment_yuan')
    expect(importColumnOf('计划总投资(万元)')).toBeUndefined() // half-width parentheses are another header
    expect(sortedProblems({ 来源渠道: 'required', 备注: 'too_long', 投资方名称: 'collision' })).toEqual([
      { header: '投资方名称', reason: 'collision' },
      { header: '来源渠道', reason: 'required' },
      { header: '备注', reason: 'too_long' },
    ])
  })
})
