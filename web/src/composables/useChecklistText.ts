import { useI18n } from 'vue-i18n'
import { ApiError, errorMessage } from '@/api/http'
import { tickProblem } from '@/utils/checklist'

/** 阶段清单 reasons and refusals → words in the user's language (never a code). */
export function useChecklistText() {
  const { t, te } = useI18n()

  /** A field's reason (`title` / `required`, `note` / `too_long`, `items` / `too_many`) in a sentence. */
  function reason(field: string, why: string, ctx: { max?: number } = {}): string {
    const key = `checklists.errors.${field}.${why}`
    if (te(key)) return t(key, { max: ctx.max ?? '' })
    const general = `validation.reasons.${why}`
    return te(general) ? t(general) : t('validation.reasons.invalid_value')
  }

  /** A failed tick or untick in a sentence. */
  function tickFailure(err: unknown): string {
    const p = tickProblem(err)
    if (p?.kind === 'note') return reason('note', p.reason)
    if (p?.kind === 'gone') return t('checklists.errors.gone')
    if (p?.kind === 'forbidden') return t('checklists.errors.forbidden')
    return err instanceof ApiError ? errorMessage(err) : t('errors.unknown')
  }

  return { reason, tickFailure }
}
