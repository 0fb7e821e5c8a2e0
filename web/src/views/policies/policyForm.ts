// The policy form: what its inputs hold, the body of POST/PUT, the browser's own checks, and the
// server's field errors in words. Amounts are typed in 万元 (AmountInput) and kept as integer yuan;
// an empty expiry date is 长期有效 (null).
import { POLICY_LIMITS, type PolicyApi } from '@/api/policies'

export interface GrantRow {
  kind: PolicyApi.GrantKind | string
  rate_pct: number | null
  cap_yuan: number | null
  text: string
  /** the rate / cap input holds text that is not a number (never sent) */
  rateInvalid: boolean
  capInvalid: boolean
}

export interface PolicyForm {
  title: string
  issuer: string
  doc_number: string
  level: PolicyApi.Level | string | null
  effective_from: string | null
  expires_on: string | null
  owner_unit_id: number | null
  summary: string
  source_text: string
  repealed: boolean
  industry_codes: string[]
  min_investment_yuan: number | null
  minInvestmentInvalid: boolean
  land: PolicyApi.Land | string
  location_unit_ids: number[]
  foreign: PolicyApi.Foreign | string
  grants: GrantRow[]
}

/** Every field the server's `fields` may name, as the form shows them (grants.N.* for each row). */
export const BASE_FIELDS = [
  'title',
  'issuer',
  'doc_number',
  'level',
  'effective_from',
  'expires_on',
  'owner_unit_id',
  'summary',
  'source_text',
  'repealed',
  'conditions',
  'conditions.industry_codes',
  'conditions.min_investment_yuan',
  'conditions.land',
  'conditions.location_unit_ids',
  'conditions.foreign',
  'grants',
] as const
export const GRANT_FIELDS = ['kind', 'rate_pct', 'cap_yuan', 'text'] as const
export type GrantField = (typeof GRANT_FIELDS)[number]
export const grantField = (i: number, f: GrantField): string => `grants.${i}.${f}`
export const FIELDS: readonly string[] = [
  ...BASE_FIELDS,
  ...Array.from({ length: POLICY_LIMITS.grants }, (_, i) => GRANT_FIELDS.map((f) => grantField(i, f))).flat(),
]

export const emptyGrant = (kind: PolicyApi.GrantKind = 'subsidy'): GrantRow => ({
  kind,
  rate_pct: null,
  cap_yuan: null,
  text: '',
  rateInvalid: false,
  capInvalid: false,
})

export function emptyPolicyForm(): PolicyForm {
  return {
    title: '',
    issuer: '',
    doc_number: '',
    level: null,
    effective_from: null,
    expires_on: null,
    owner_unit_id: null,
    summary: '',
    source_text: '',
    repealed: false,
    industry_codes: [],
    min_investment_yuan: null,
    minInvestmentInvalid: false,
    land: 'any',
    location_unit_ids: [],
    foreign: 'any',
    grants: [],
  }
}

/** The form of a loaded policy. */
export function formOfPolicy(p: PolicyApi.Policy): PolicyForm {
  return {
    title: p.title,
    issuer: p.issuer,
    doc_number: p.doc_number ?? '',
    level: p.level,
    effective_from: p.effective_from || null,
    expires_on: p.expires_on || null,
    owner_unit_id: p.owner_unit_id ?? null,
    summary: p.summary ?? '',
    source_text: p.source_text ?? '',
    repealed: p.repealed,
    industry_codes: [...(p.conditions?.industry_codes ?? [])],
    min_investment_yuan: p.conditions?.min_investment_yuan ?? null,
    minInvestmentInvalid: false,
    land: p.conditions?.land ?? 'any',
    location_unit_ids: [...(p.conditions?.location_unit_ids ?? [])],
    foreign: p.conditions?.foreign ?? 'any',
    grants: (p.grants ?? []).map((g) => ({
      ...emptyGrant(),
      kind: g.kind,
      rate_pct: g.rate_pct,
      cap_yuan: g.cap_yuan,
      text: g.text ?? '',
    })),
  }
}

/** The body of POST (and PUT, with the version read): trimmed texts, null for what is left empty. */
export function policyBody(f: PolicyForm): PolicyApi.Body {
  const b: PolicyApi.Body = {
    title: f.title.trim(),
    issuer: f.issuer.trim(),
    doc_number: f.doc_number.trim(),
    level: f.level ?? '',
    effective_from: f.effective_from ?? '',
    expires_on: f.expires_on || null,
    summary: f.summary.trim(),
    source_text: f.source_text.trim(),
    repealed: f.repealed,
    conditions: {
      industry_codes: [...f.industry_codes],
      min_investment_yuan: f.min_investment_yuan,
      land: f.land,
      location_unit_ids: [...f.location_unit_ids],
      foreign: f.foreign,
    },
    grants: f.grants.map((g) => ({ kind: g.kind, rate_pct: g.rate_pct, cap_yuan: g.cap_yuan, text: g.text.trim() })),
  }
  if (f.owner_unit_id !== null) b.owner_unit_id = f.owner_unit_id
  return b
}

/** Field → reason code, for what the browser can tell before asking (the server checks again). */
export function localProblems(f: PolicyForm): Record<string, string> {
  const out: Record<string, string> = {}
  if (!f.title.trim()) out.title = 'required'
  if (!f.issuer.trim()) out.issuer = 'required'
  if (!f.level) out.level = 'required'
  if (!f.effective_from) out.effective_from = 'required'
  if (f.minInvestmentInvalid) out['conditions.min_investment_yuan'] = 'not_a_number'
  else if (f.min_investment_yuan !== null && f.min_investment_yuan <= 0) out['conditions.min_investment_yuan'] = 'invalid_value'
  if (f.grants.length > POLICY_LIMITS.grants) out.grants = 'too_many'
  f.grants.forEach((g, i) => {
    if (!g.kind) out[grantField(i, 'kind')] = 'required'
    if (g.rateInvalid) out[grantField(i, 'rate_pct')] = 'not_a_number'
    else if (g.rate_pct !== null && (g.rate_pct < 1 || g.rate_pct > 100)) out[grantField(i, 'rate_pct')] = 'invalid_value'
    if (g.capInvalid) out[grantField(i, 'cap_yuan')] = 'not_a_number'
    else if (g.cap_yuan !== null && g.cap_yuan <= 0) out[grantField(i, 'cap_yuan')] = 'invalid_value'
  })
  return out
}

/**
 * The i18n key of a field's reason on this form: `policies.fieldErrors.<field>.<reason>` (a grant's
 * field as `grant.<field>`, whatever its row), else null (the generic `validation.reasons.<reason>`).
 */
export function fieldErrorKey(field: string, reason: string, te: (key: string) => boolean): string | null {
  const name = field.replace(/^grants\.\d+\./, 'grant.')
  const key = `policies.fieldErrors.${name}.${reason}`
  return te(key) ? key : null
}

/** The form's values by field name (what `useFieldErrors` watches: a field's message goes once it changes). */
export function formValues(f: PolicyForm): Record<string, unknown> {
  const v: Record<string, unknown> = {
    title: f.title,
    issuer: f.issuer,
    doc_number: f.doc_number,
    level: f.level,
    effective_from: f.effective_from,
    // the end date is checked against the start: changing either settles 'before_start'
    expires_on: [f.effective_from, f.expires_on],
    owner_unit_id: f.owner_unit_id,
    summary: f.summary,
    source_text: f.source_text,
    repealed: f.repealed,
    'conditions.industry_codes': f.industry_codes,
    'conditions.min_investment_yuan': [f.min_investment_yuan, f.minInvestmentInvalid],
    'conditions.land': f.land,
    'conditions.location_unit_ids': f.location_unit_ids,
    'conditions.foreign': f.foreign,
    grants: f.grants.length,
  }
  f.grants.forEach((g, i) => {
    v[grantField(i, 'kind')] = g.kind
    v[grantField(i, 'rate_pct')] = [g.rate_pct, g.rateInvalid]
    v[grantField(i, 'cap_yuan')] = [g.cap_yuan, g.capInvalid]
    v[grantField(i, 'text')] = g.text
  })
  return v
}
