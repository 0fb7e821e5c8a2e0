import { useI18n } from 'vue-i18n'
import { ApiError, errorMessage } from '@/api/http'
import type { ProjectApi } from '@/api/projects'
import { formatWanNumber } from '@/utils/money'
import { transitionVerb } from '@/views/projects/workflow'

/** Translations and formats shared by the pipeline pages (codes → words, yuan → 万元/亿元). */
export function usePipelineText() {
  const { t, te } = useI18n()
  const code = (prefix: string, c: string | null | undefined) => {
    if (c === null || c === undefined || c === '') return ''
    const key = `${prefix}.${c}`
    return te(key) ? t(key) : c
  }

  const wan = (yuan: number | null | undefined) => formatWanNumber(yuan)
  /** An amount with its unit, always in 万元 ("495,000 万元"; English "495,000 × 10k CNY"): lists and forms
   *  speak 万元, and a reader never has to notice a switch to 亿元 (only labels that say 亿 use it). */
  const money = (yuan: number | null | undefined) =>
    yuan === null || yuan === undefined || Number.isNaN(yuan) ? '' : t('pipeline.units.wanAmount', { n: formatWanNumber(yuan) })
  const stage = (s: ProjectApi.Stage | null | undefined) => code('pipeline.stages', s)
  const nextStep = (s: string | null | undefined) => code('pipeline.nextSteps', s)
  const source = (s: string | null | undefined) => code('pipeline.sources', s)
  const activityKind = (s: string | null | undefined) => code('pipeline.activityKinds', s)
  const reason = (s: string | null | undefined) => code('pipeline.reasons', s)
  const band = (b: number | null | undefined) => (b === null || b === undefined ? '' : code('pipeline.bands', String(b)))
  const field = (f: string) => code('pipeline.fields', f)

  /** The button / dialog-title text for moving a project from → to. */
  function action(from: ProjectApi.Stage, to: ProjectApi.Stage): string {
    return t(`pipeline.actions.${transitionVerb(from, to)}`, { stage: stage(to) })
  }

  /** One field of a `guard_failed` / `invalid_argument` answer → "请填写签约日期". */
  function guardMessage(f: string, why: string): string {
    if (why === 'required') {
      if (te(`pipeline.guard.${f}`)) return t(`pipeline.guard.${f}`)
      return t('pipeline.guard.generic', { field: field(f) })
    }
    const reasonKey = `validation.reasons.${why}`
    return `${field(f)}${t('common.labels.colon')}${te(reasonKey) ? t(reasonKey) : t('validation.reasons.invalid_value')}`
  }

  /** Everything a failed transition has to say, in the user's language. */
  function transitionError(err: unknown): string {
    if (!(err instanceof ApiError)) return t('pipeline.transition.failed')
    const parts = Object.entries(err.fields)
      .filter(([f]) => f !== 'to')
      .map(([f, why]) => guardMessage(f, why))
    if ((err.code === 'guard_failed' || err.code === 'invalid_argument') && parts.length) return parts.join('；')
    return errorMessage(err)
  }

  return { money, wan, stage, nextStep, source, activityKind, reason, band, field, action, guardMessage, transitionError }
}
