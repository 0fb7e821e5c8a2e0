// Recording an activity, with the one question the server may ask back: a capital entry (到位资金)
// that would take the total past the contracted (or total) investment. The server decides who may
// confirm (`fields.amount_yuan = "confirm_required"`); everyone else gets `exceeds_investment`.
// The client only reacts: ask, then resend the same body with `confirm_over_investment`.
import { ApiError, showApiError } from '@/api/http'
import { addActivity, type ProjectApi } from '@/api/projects'

export const needsOverInvestmentConfirm = (e: unknown): boolean => e instanceof ApiError && e.fields.amount_yuan === 'confirm_required'

/**
 * The saved activity, or null when the user declined to confirm. Other failures are shown (the
 * interceptor's toast) and rethrown for the form's field errors.
 */
export async function recordActivity(
  projectId: number,
  body: ProjectApi.NewActivity,
  confirmOver: () => Promise<boolean>,
): Promise<ProjectApi.Activity | null> {
  try {
    return await addActivity(projectId, body, { silent: true })
  } catch (e) {
    if (!needsOverInvestmentConfirm(e)) {
      if (e instanceof ApiError) showApiError(e)
      throw e
    }
  }
  if (!(await confirmOver())) return null
  return addActivity(projectId, { ...body, confirm_over_investment: true })
}
