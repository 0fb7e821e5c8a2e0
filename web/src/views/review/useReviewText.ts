import { useI18n } from 'vue-i18n'
import type { ReviewApi } from '@/api/review'
import { fractionText } from '@/utils/tally'

/** Words of the pre-review module: categories, votes, outcomes, criteria names in the UI language. */
export function useReviewText() {
  const { t, te, locale } = useI18n()
  const code = (prefix: string, c: string | null | undefined) => (c ? (te(`${prefix}.${c}`) ? t(`${prefix}.${c}`) : c) : '')
  return {
    category: (c: string | null | undefined) => code('review.categories', c),
    vote: (v: string | null | undefined) => code('review.votes', v),
    outcome: (o: string | null | undefined) => (o ? code('review.outcomes', o) : t('review.outcomes.pending')),
    status: (s: string | null | undefined) => code('review.statuses', s),
    /** rejection reason codes are the pipeline's `rejected` list */
    reason: (r: string | null | undefined) => code('pipeline.reasons', r),
    criterion: (c: Pick<ReviewApi.Criterion, 'code' | 'name_zh' | 'name_en'>) =>
      (locale.value === 'en' ? c.name_en || c.name_zh : c.name_zh || c.name_en) || c.code,
    fraction: (num: number, den: number) => fractionText(num, den),
  }
}

/** Element Plus tag type of an outcome / vote. */
export const voteType = (v: string | null | undefined): 'success' | 'danger' | 'warning' | 'info' =>
  v === 'approve' ? 'success' : v === 'reject' ? 'danger' : v === 'more_info' ? 'warning' : 'info'
