// The header's search for projects and investors: by name (GET /projects?q= matches project and
// investor names), by project number (GET /projects/{id}) and by credit code (the server's
// collision check finds the same valid code; offered to those who may report leads, the only ones
// the server lets call it). Only projects in the user's scope come back, as everywhere.
import { listProjects, getProject, collisionCheck, type ProjectApi } from '@/api/projects'
import { checkUscc } from '@/utils/uscc'
import { useAuthStore } from '@/stores/auth'

export interface SearchPlan {
  text: string
  /** the text read as a project number */
  id: number | null
  /** the text read as a valid credit code (upper case, no blanks) */
  uscc: string | null
}

export interface SearchHit {
  id: number
  name: string
  investor_name: string
  stage: ProjectApi.Stage
  /** how it was found: its number, its credit code, or its name */
  by: 'id' | 'uscc' | 'name'
}

/** What to ask for a typed query; null for blank input. */
export function planSearch(raw: string): SearchPlan | null {
  const text = raw.trim()
  if (!text) return null
  const compact = text.replace(/\s+/g, '').toUpperCase()
  return {
    text,
    id: /^\d{1,12}$/.test(text) && Number(text) > 0 ? Number(text) : null,
    uscc: compact.length === 18 && checkUscc(compact) === null ? compact : null,
  }
}

/** Number hits first, then credit-code hits, then name hits; each project once; at most `limit`. */
export function mergeHits(groups: SearchHit[][], limit: number): SearchHit[] {
  const seen = new Set<number>()
  const out: SearchHit[] = []
  for (const g of groups)
    for (const h of g) {
      if (seen.has(h.id) || out.length >= limit) continue
      seen.add(h.id)
      out.push(h)
    }
  return out
}

export const SEARCH_LIMIT = 8

export function useGlobalSearch() {
  const auth = useAuthStore()
  let seq = 0

  /** Hits for `raw`; a newer search makes an older one resolve to null (the caller ignores it). */
  async function search(raw: string): Promise<SearchHit[] | null> {
    const plan = planSearch(raw)
    const mine = ++seq
    if (!plan) return []
    const quiet = { silent: true }
    const byId = plan.id
      ? getProject(plan.id, quiet)
          .then((p): SearchHit[] => [{ id: p.id, name: p.name, investor_name: p.investor_name, stage: p.stage, by: 'id' }])
          .catch(() => [])
      : Promise.resolve([])
    const byUscc =
      plan.uscc && auth.can('project.create')
        ? collisionCheck({ investor_name: plan.uscc, uscc: plan.uscc }, quiet)
            .then((r) =>
              r.hits
                .filter((h) => h.in_scope && h.match === 'uscc')
                .map((h): SearchHit => ({
                  id: h.project_id,
                  name: h.project_name,
                  investor_name: h.investor_name,
                  stage: h.stage,
                  by: 'uscc',
                })),
            )
            .catch(() => [])
        : Promise.resolve([])
    const byName = listProjects({ q: plan.text, page: 1, page_size: SEARCH_LIMIT, stage: [], band: [] }, quiet)
      .then((r) => r.items.map((p): SearchHit => ({ id: p.id, name: p.name, investor_name: p.investor_name, stage: p.stage, by: 'name' })))
      .catch(() => [])
    const groups = await Promise.all([byId, byUscc, byName])
    if (mine !== seq) return null
    return mergeHits(groups, SEARCH_LIMIT)
  }

  return { search }
}
