// Counts of the guide in words, singular or plural as the language needs (阅读 3 次 · 2 人 /
// 3 reads · 2 readers).
import { useI18n } from 'vue-i18n'

export function useGuideText() {
  const { t } = useI18n()
  /** "3 次 · 2 人" */
  const reads = (a: { reads: number; readers: number }): string =>
    t('guide.list.reads', {
      reads: t('guide.list.readsCount', { n: a.reads }, a.reads),
      readers: t('guide.list.readersCount', { n: a.readers }, a.readers),
    })
  return { reads }
}
