// 预审专班 helpers.
import type { ReviewApi } from '@/api/review'

/** A first guess of a new member's category from their roles (the coordinator can change it). */
export function guessCategory(roles: readonly string[]): ReviewApi.Category {
  if (roles.includes('receiver')) return 'park'
  if (roles.includes('expert')) return 'academic'
  return 'factor_department'
}

/** Members per category, in the contract's category order ("园区代表 1 · 要素保障部门 1 · …"). */
export function membersByCategory(
  members: readonly Pick<ReviewApi.Member, 'category'>[],
  order: readonly ReviewApi.Category[],
): { category: ReviewApi.Category; n: number }[] {
  return order.map((category) => ({ category, n: members.filter((m) => m.category === category).length })).filter((x) => x.n > 0)
}
