// Every message key is used by the code: a key nobody asks for is dead weight that translators
// still keep in sync. A key counts as used when its full name appears in src/, or when it
// belongs to a family the code builds dynamically: `pipeline.stages.${s}`,
// 'validation.reasons.' + r, or a family name handed to a helper (code('pipeline.sources', s)).
import { describe, expect, it } from 'vitest'
import fs from 'node:fs'
import path from 'node:path'
import zh from './zh-CN'

const keysOf = (o: object, p = ''): string[] =>
  Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' && v ? keysOf(v, `${p}${k}.`) : [`${p}${k}`]))

function sourceText(): string {
  const files: string[] = []
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const f = path.join(dir, e.name)
      if (e.isDirectory()) {
        if (f !== __dirname) walk(f)
      } else if (/\.(ts|vue)$/.test(e.name) && !e.name.endsWith('.test.ts')) files.push(f)
    }
  }
  walk(path.resolve(__dirname, '..'))
  return files.map((f) => fs.readFileSync(f, 'utf8')).join('\n')
}

describe('locale keys', () => {
  it('are all used by the code', () => {
    const keys = keysOf(zh)
    const text = sourceText()
    const prefixes = new Set<string>()
    for (const m of text.matchAll(/[`'"]([A-Za-z0-9_.]+\.)\$\{/g)) prefixes.add(m[1])
    for (const m of text.matchAll(/['"`]([A-Za-z0-9_.]+\.)['"`]\s*\+/g)) prefixes.add(m[1])
    const families = new Set(
      keys.flatMap((k) =>
        k
          .split('.')
          .slice(0, -1)
          .map((_, i, a) => a.slice(0, i + 1).join('.')),
      ),
    )
    for (const m of text.matchAll(/['"`]([A-Za-z0-9_]+\.[A-Za-z0-9_.]+)['"`]/g)) if (families.has(m[1])) prefixes.add(`${m[1]}.`)
    const used = (k: string) =>
      new RegExp(`${k.replace(/\./g, '\\.')}(?![A-Za-z0-9_])`).test(text) || [...prefixes].some((p) => k.startsWith(p))
    expect(keys.filter((k) => !used(k))).toEqual([])
  })
})
