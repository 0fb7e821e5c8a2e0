// The name of what an item is about. An item carries only `subject_type` and `subject_id`, so the
// name comes from the project or factor request itself (when the user may read it), once per page
// load and user, or from the unit list; otherwise it reads 项目 #12.
import { reactive } from 'vue'
import { useI18n } from 'vue-i18n'
import { getProject } from '@/api/projects'
import { getFactorRequest } from '@/api/factors'
import type { SupervisionApi } from '@/api/supervision'
import { useAuthStore } from '@/stores/auth'
import { useFactorText } from '@/views/factors/useFactorText'

interface Known {
  project?: string
  /** a factor request: its type code and its project's name */
  factor?: { type: string; project: string }
}
const known = reactive(new Map<string, Known>())
const asked = new Set<string>()

export function useSubjectNames(unitName: (id: number) => string | undefined = () => undefined) {
  const { t } = useI18n()
  const auth = useAuthStore()
  const ftxt = useFactorText()
  const key = (type: string, id: number) => `${auth.user?.id ?? 0}:${type}:${id}`

  /** Ask once for the names of these items' subjects (silently: a subject out of sight keeps its number). */
  function load(items: readonly Pick<SupervisionApi.Item, 'subject_type' | 'subject_id'>[]): void {
    for (const i of items) {
      const k = key(i.subject_type, i.subject_id)
      if (asked.has(k)) continue
      if (i.subject_type === 'project' && auth.can('project.read')) {
        asked.add(k)
        getProject(i.subject_id, { silent: true })
          .then((p) => known.set(k, { project: p.name }))
          .catch(() => undefined)
      } else if (i.subject_type === 'factor_request' && auth.can('factor.read')) {
        asked.add(k)
        getFactorRequest(i.subject_id, { silent: true })
          .then((r) => known.set(k, { factor: { type: r.type, project: r.project_name } }))
          .catch(() => undefined)
      }
    }
  }

  /** "动力电池PACK生产线项目", "用地 · 动力电池PACK生产线项目", "宜秀区", or "项目 #12". */
  function name(i: Pick<SupervisionApi.Item, 'subject_type' | 'subject_id' | 'unit_id' | 'unit_name'>): string {
    const k = known.get(key(i.subject_type, i.subject_id))
    if (i.subject_type === 'project' && k?.project) return k.project
    if (i.subject_type === 'factor_request' && k?.factor) return `${ftxt.type(k.factor.type)} · ${k.factor.project}`
    if (i.subject_type === 'unit') {
      const u = i.subject_id === i.unit_id ? i.unit_name : unitName(i.subject_id)
      if (u) return u
    }
    return t('supervision.subject.numbered', { type: subjectWord(i.subject_type), id: i.subject_id })
  }

  const subjectWord = (type: string) =>
    t(`supervision.subjectTypes.${['project', 'factor_request', 'unit'].includes(type) ? type : 'other'}`)

  return { load, name }
}
