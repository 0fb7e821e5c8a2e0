// The lead form's facts the policy matcher reads (POST /policies/match), or null while there is
// nothing to match on: the preview waits for the industry or the total investment.
import type { PolicyApi } from '@/api/policies'
import type { ProjectFormState } from '@/views/projects/projectForm'

export function leadFacts(
  f: Pick<ProjectFormState, 'industry_code' | 'total_investment_yuan' | 'land_mu_x100' | 'foreign' | 'preferred_unit_id'>,
): PolicyApi.LeadFacts | null {
  if (!f.industry_code && f.total_investment_yuan === null) return null
  const b: PolicyApi.LeadFacts = { foreign: f.foreign }
  if (f.industry_code) b.industry_code = f.industry_code
  if (f.total_investment_yuan !== null) b.total_investment_yuan = f.total_investment_yuan
  if (f.land_mu_x100 !== null) b.land_mu_x100 = f.land_mu_x100
  if (f.preferred_unit_id !== null) b.preferred_unit_id = f.preferred_unit_id
  return b
}
