export interface FlatNode {
  id: number
  parent_id: number | null
}

export type TreeNode<T extends FlatNode> = T & { children: TreeNode<T>[] }

/**
 * Build a forest from the flat unit list of GET /org/units.
 * Order among siblings follows the input order. A node whose parent is missing
 * (outside the caller's scope) becomes a root, so nothing silently disappears;
 * a parent cycle in bad data is broken instead of looping.
 */
export function buildTree<T extends FlatNode>(items: readonly T[]): TreeNode<T>[] {
  const byId = new Map<number, TreeNode<T>>()
  for (const it of items) byId.set(it.id, { ...it, children: [] })

  const roots: TreeNode<T>[] = []
  for (const it of items) {
    const node = byId.get(it.id)!
    const parent = it.parent_id === null ? undefined : byId.get(it.parent_id)
    if (!parent || parent === node || isAncestor(node, parent, byId)) roots.push(node)
    else parent.children.push(node)
  }
  return roots
}

// True when `candidate` already lies under `node` (attaching would make a cycle).
function isAncestor<T extends FlatNode>(node: TreeNode<T>, candidate: TreeNode<T>, byId: Map<number, TreeNode<T>>): boolean {
  const seen = new Set<number>()
  let cur: TreeNode<T> | undefined = candidate
  while (cur && cur.parent_id !== null && !seen.has(cur.id)) {
    seen.add(cur.id)
    if (cur.parent_id === node.id) return true
    cur = byId.get(cur.parent_id)
  }
  return false
}

/** Depth-first walk, parents before children. */
export function walkTree<T extends FlatNode>(roots: TreeNode<T>[], visit: (n: TreeNode<T>, depth: number) => void): void {
  const go = (ns: TreeNode<T>[], d: number) => {
    for (const n of ns) {
      visit(n, d)
      go(n.children, d + 1)
    }
  }
  go(roots, 0)
}
