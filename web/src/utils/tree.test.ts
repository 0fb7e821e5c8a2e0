import { describe, expect, it } from 'vitest'
import { buildTree, walkTree } from './tree'

interface U {
  id: number
  parent_id: number | null
  name: string
}

const shape = (nodes: ReturnType<typeof buildTree<U>>): unknown =>
  nodes.map((n) => (n.children.length ? { [n.name]: shape(n.children) } : n.name))

describe('flat → tree unit builder', () => {
  it('nests children under parents, keeping input order', () => {
    const flat: U[] = [
      { id: 1, parent_id: null, name: '市' },
      { id: 3, parent_id: 1, name: '开发区' },
      { id: 2, parent_id: 1, name: '商务局' },
      { id: 4, parent_id: 3, name: '园区A' },
    ]
    expect(shape(buildTree(flat))).toEqual([{ 市: [{ 开发区: ['园区A'] }, '商务局'] }])
  })

  it('accepts children listed before their parent', () => {
    const flat: U[] = [
      { id: 4, parent_id: 3, name: 'c' },
      { id: 3, parent_id: 1, name: 'b' },
      { id: 1, parent_id: null, name: 'a' },
    ]
    expect(shape(buildTree(flat))).toEqual([{ a: [{ b: ['c'] }] }])
  })

  it('turns units whose parent is out of scope into roots', () => {
    const flat: U[] = [
      { id: 5, parent_id: 99, name: 'x' },
      { id: 6, parent_id: 5, name: 'y' },
    ]
    expect(shape(buildTree(flat))).toEqual([{ x: ['y'] }])
  })

  it('does not loop on a parent cycle and loses no node', () => {
    const flat: U[] = [
      { id: 1, parent_id: 2, name: 'a' },
      { id: 2, parent_id: 1, name: 'b' },
      { id: 3, parent_id: 3, name: 'self' },
    ]
    const seen: string[] = []
    walkTree(buildTree(flat), (n) => seen.push(n.name))
    expect(seen.sort()).toEqual(['a', 'b', 'self'])
  })

  it('does not mutate the input', () => {
    const flat: U[] = [{ id: 1, parent_id: null, name: 'a' }]
    buildTree(flat)
    expect(flat[0]).toEqual({ id: 1, parent_id: null, name: 'a' })
  })

  it('returns an empty forest for an empty list', () => {
    expect(buildTree([])).toEqual([])
  })
})
