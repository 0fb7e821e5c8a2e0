import { beforeEach, describe, expect, it } from 'vitest'
import { loadColumns, saveColumns } from './columns'

const KEY = 'zs.test.columns'
const known = ['name', 'stage', 'industry', 'total']

describe('remembered table columns', () => {
  beforeEach(() => localStorage.clear())

  it('starts from the defaults', () => {
    expect(loadColumns(KEY, known, ['stage', 'name'])).toEqual(['name', 'stage'])
  })

  it('remembers a choice across loads, in table order', () => {
    saveColumns(KEY, ['total', 'name'])
    expect(loadColumns(KEY, known, ['stage'])).toEqual(['name', 'total'])
  })

  it('drops unknown keys and ignores garbage', () => {
    localStorage.setItem(KEY, JSON.stringify(['gone', 'stage', 3]))
    expect(loadColumns(KEY, known, ['name'])).toEqual(['stage'])
    localStorage.setItem(KEY, '{not json')
    expect(loadColumns(KEY, known, ['name'])).toEqual(['name'])
    localStorage.setItem(KEY, '[]')
    expect(loadColumns(KEY, known, ['name'])).toEqual(['name'])
  })
})
