// The name of what an item is about, from the item itself: the server sends the project's name,
// a factor request's type code (worded here, in the user's language) and the subject's name.
import { useI18n } from 'vue-i18n'
import type { SupervisionApi } from '@/api/supervision'
import { useFactorText } from '@/views/factors/useFactorText'

type Named = Pick<SupervisionApi.Item, 'subject_type' | 'subject_id' | 'subject_name' | 'project_name' | 'factor_type'>

export function useSubjectNames() {
  const { t } = useI18n()
  const ftxt = useFactorText()

  /** "动力电池PACK生产线项目", "用地 · 动力电池PACK生产线项目", "宜秀区", or "项目 #12" (a subject gone). */
  function name(i: Named): string {
    if (i.subject_type === 'factor_request' && i.factor_type && i.project_name) return `${ftxt.type(i.factor_type)} · ${i.project_name}`
    if (i.subject_name) return i.subject_name
    return t('supervision.subject.numbered', { type: subjectWord(i.subject_type), id: i.subject_id })
  }

  const subjectWord = (type: string) =>
    t(`supervision.subjectTypes.${['project', 'factor_request', 'unit'].includes(type) ? type : 'other'}`)

  return { name }
}
