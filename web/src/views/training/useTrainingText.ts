// The training pages' codes and figures in words: quiz rules, refusals, session states and times,
// question kinds. Codes the locales do not know never show as codes.
import { useI18n } from 'vue-i18n'
import type { TrainingApi } from '@/api/training'
import { formatMinute } from '@/utils/format'
import { dateOfMs } from '@/utils/date'
import { paperSize, windowOf } from './trainingText'

export function useTrainingText() {
  const { t, te } = useI18n()

  const refusal = (code: string): string =>
    te(`training.refusals.${code}`) ? t(`training.refusals.${code}`) : t('training.refusals.other')
  const kind = (k: string): string => (te(`training.kinds.${k}`) ? t(`training.kinds.${k}`) : k)
  const state = (s: string): string => (te(`training.sessions.states.${s}`) ? t(`training.sessions.states.${s}`) : '')

  /** "2026-05-20 09:00–12:00" on one day, else both ends in full. */
  function timeRange(from: number, to: number): string {
    const a = formatMinute(from)
    const b = formatMinute(to)
    return dateOfMs(from) === dateOfMs(to) ? `${a}–${b.slice(11)}` : `${a} – ${b}`
  }

  const passPct = (q: TrainingApi.Quiz) => t('training.rules.passPct', { pct: q.pass_pct })
  const attempts = (q: TrainingApi.Quiz) => t('training.rules.attempts', { n: q.max_attempts })
  const count = (q: TrainingApi.Quiz, bank: number) =>
    q.question_count > 0 ? t('training.rules.count', { n: paperSize(q, bank) }) : t('training.rules.countAll', { n: bank })
  const timeLimit = (q: TrainingApi.Quiz) =>
    q.time_limit_min > 0 ? t('training.rules.minutes', { n: q.time_limit_min }) : t('training.rules.noLimit')
  const partial = (q: TrainingApi.Quiz) => (q.partial === 'strict' ? t('training.rules.strict') : t('training.rules.half'))
  function window(q: TrainingApi.Quiz): string {
    const w = windowOf(q)
    if (!w) return t('training.rules.always')
    if (w.from && w.to) return t('training.rules.range', { from: w.from, to: w.to })
    return w.from ? t('training.rules.from', { date: w.from }) : t('training.rules.until', { date: w.to ?? '' })
  }

  return { refusal, kind, state, timeRange, passPct, attempts, count, timeLimit, partial, window }
}
