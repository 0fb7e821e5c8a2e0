// The lead/edit form's state and what it sends: the whole body on create, the changes on edit.
import type { ProjectApi } from '@/api/projects'
import { checkUscc } from '@/utils/uscc'

export const FIELDS = [
  'name',
  'investor_name',
  'uscc',
  'investor_origin',
  'foreign',
  'industry_code',
  'chain_node_id',
  'total_investment_yuan',
  'fixed_investment_yuan',
  'land_mu_x100',
  'building_m2',
  'power_kva',
  'jobs',
  'annual_output_yuan',
  'annual_tax_yuan',
  'source_channel',
  'preferred_unit_id',
  'description',
  'contacts',
] as const
export type Field = (typeof FIELDS)[number]
export const AMOUNTS = [
  'total_investment_yuan',
  'fixed_investment_yuan',
  'land_mu_x100',
  'building_m2',
  'power_kva',
  'jobs',
  'annual_output_yuan',
  'annual_tax_yuan',
] as const
export type AmountField = (typeof AMOUNTS)[number]

export interface ProjectFormState {
  name: string
  investor_name: string
  uscc: string
  investor_origin: string
  foreign: boolean
  industry_code: string | null
  chain_node_id: number | null
  total_investment_yuan: number | null
  fixed_investment_yuan: number | null
  land_mu_x100: number | null
  building_m2: number | null
  power_kva: number | null
  jobs: number | null
  annual_output_yuan: number | null
  annual_tax_yuan: number | null
  source_channel: ProjectApi.SourceChannel | null
  preferred_unit_id: number | null
  description: string
  contacts: ProjectApi.Contact[]
}
export const emptyProjectForm = (): ProjectFormState => ({
  name: '',
  investor_name: '',
  uscc: '',
  investor_origin: '',
  foreign: false,
  industry_code: null,
  chain_node_id: null,
  total_investment_yuan: null,
  fixed_investment_yuan: null,
  land_mu_x100: null,
  building_m2: null,
  power_kva: null,
  jobs: null,
  annual_output_yuan: null,
  annual_tax_yuan: null,
  source_channel: null,
  preferred_unit_id: null,
  description: '',
  contacts: [],
})

/** The form filled from a loaded project (contacts stay empty when the user may not see them). */
export function formOfProject(p: ProjectApi.Project): ProjectFormState {
  return {
    name: p.name,
    investor_name: p.investor_name,
    uscc: p.uscc ?? '',
    investor_origin: p.investor_origin ?? '',
    foreign: p.foreign,
    industry_code: p.industry_code || null,
    chain_node_id: p.chain_node_id,
    total_investment_yuan: p.total_investment_yuan,
    fixed_investment_yuan: p.fixed_investment_yuan,
    land_mu_x100: p.land_mu_x100,
    building_m2: p.building_m2,
    power_kva: p.power_kva,
    jobs: p.jobs,
    annual_output_yuan: p.annual_output_yuan,
    annual_tax_yuan: p.annual_tax_yuan,
    source_channel: p.source_channel,
    preferred_unit_id: p.preferred_unit_id,
    description: p.description ?? '',
    contacts: p.contacts_masked ? [] : p.contacts.map((c) => ({ ...c })),
  }
}

/** The reason code of a malformed 统一社会信用代码, or null when it is empty or well formed. */
export function usccReason(uscc: string): string | null {
  const v = uscc.trim()
  return v ? checkUscc(v) : null
}

/** The request body: trimmed text, and no keys for what the user left empty. */
export function projectBody(form: ProjectFormState): Partial<ProjectApi.Editable> {
  const b: Partial<ProjectApi.Editable> = {
    name: form.name.trim(),
    investor_name: form.investor_name.trim(),
    investor_origin: form.investor_origin.trim(),
    foreign: form.foreign,
    description: form.description.trim(),
    contacts: form.contacts
      .map((c) => ({ name: c.name.trim(), phone: c.phone.trim(), title: c.title.trim() }))
      .filter((c) => c.name || c.phone || c.title),
  }
  const uscc = form.uscc.trim().toUpperCase()
  if (uscc) b.uscc = uscc
  if (form.industry_code) b.industry_code = form.industry_code
  if (form.chain_node_id !== null) b.chain_node_id = form.chain_node_id
  if (form.source_channel) b.source_channel = form.source_channel
  if (form.preferred_unit_id !== null) b.preferred_unit_id = form.preferred_unit_id
  for (const a of AMOUNTS) if (form[a] !== null) (b as Record<string, unknown>)[a] = form[a]
  return b
}

/** Only what changed since the project was loaded (PATCH semantics); null clears a field. */
export function projectChanges(form: ProjectFormState, p: ProjectApi.Project): Partial<ProjectApi.Editable> {
  const next = projectBody(form) as Record<string, unknown>
  const out: Record<string, unknown> = {}
  for (const f of FIELDS) {
    if (f === 'contacts' && p.contacts_masked) continue // the user never saw them
    const after = f in next ? next[f] : null // body() leaves out what the user cleared
    const before = (p as unknown as Record<string, unknown>)[f] ?? null
    if (JSON.stringify(before) !== JSON.stringify(after)) out[f] = after
  }
  return out as Partial<ProjectApi.Editable>
}
