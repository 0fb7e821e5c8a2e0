// Reporting a new lead, with the one question the server may ask back: the investor was already
// reported (撞单). When the form's collision hint is showing the reporter is asked before 报送
// ("该投资方已由 … 报送，仍要作为新项目报送吗？"); if the server finds hits the form had not shown yet
// (`fields.collision_confirmed = "confirm_required"`), the hits are fetched and the same question
// asked. Only `collision_confirmed: true` goes back: the server finds and records the hits itself.
import { ApiError, showApiError } from '@/api/http'
import { collisionCheck, createProject, type ProjectApi } from '@/api/projects'

export const needsCollisionConfirm = (e: unknown): boolean => e instanceof ApiError && e.fields.collision_confirmed === 'confirm_required'

/** The units that reported the investor before, each once, in the hits' order (for the question). */
export function reportingUnits(hits: readonly Pick<ProjectApi.CollisionHit, 'reporting_unit_name'>[]): string[] {
  return [...new Set(hits.map((h) => h.reporting_unit_name).filter(Boolean))]
}

/**
 * The new project, or null when the reporter declined. `shown` = the hits the form shows now;
 * `confirm` asks the question for a list of hits. Other failures are shown by the interceptor
 * and rethrown for the form's field errors.
 */
export async function reportLead(
  body: Partial<ProjectApi.Editable>,
  shown: readonly ProjectApi.CollisionHit[],
  confirm: (hits: readonly ProjectApi.CollisionHit[]) => Promise<boolean>,
): Promise<ProjectApi.Project | null> {
  if (shown.length) {
    if (!(await confirm(shown))) return null
    return createProject({ ...body, collision_confirmed: true })
  }
  try {
    return await createProject(body, { silent: true })
  } catch (e) {
    if (!needsCollisionConfirm(e)) {
      if (e instanceof ApiError) showApiError(e)
      throw e
    }
  }
  const found = await collisionCheck({ investor_name: body.investor_name ?? '', ...(body.uscc ? { uscc: body.uscc } : {}) })
  if (!(await confirm(found.hits))) return null
  return createProject({ ...body, collision_confirmed: true })
}
