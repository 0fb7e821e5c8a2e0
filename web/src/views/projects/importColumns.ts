// The columns of the lead import file (线索导入模板), by their header text — the server reports a
// problem as `errors: {"<header>": "<reason>"}`, so the page maps headers back to field names to
// label them in the user's language. Source: docs/api.md "Ledger Excel export and import".

export interface ImportColumn {
  header: string
  field: string
  required: boolean
}

export const IMPORT_COLUMNS: readonly ImportColumn[] = [
  { header: '项目名称', field: 'name', required: true },
  { header: '投资方名称', field: 'investor_name', required: true },
  { header: '统一社会信用代码', field: 'uscc', required: false },
  { header: '投资方来源', field: 'investor_origin', required: false },
  { header: '是否外资', field: 'foreign', required: false },
  { header: '行业代码', field: 'industry_code', required: true },
  { header: '计划总投资（万元）', field: 'total_investment_yuan', required: true },
  { header: '固定资产投资（万元）', field: 'fixed_investment_yuan', required: false },
  { header: '用地需求（亩）', field: 'land_mu_x100', required: false },
  { header: '建筑面积（㎡）', field: 'building_m2', required: false },
  { header: '用电需求（kVA）', field: 'power_kva', required: false },
  { header: '就业人数', field: 'jobs', required: false },
  { header: '预计年产值（万元）', field: 'annual_output_yuan', required: false },
  { header: '预计年税收（万元）', field: 'annual_tax_yuan', required: false },
  { header: '来源渠道', field: 'source_channel', required: true },
  { header: '意向园区', field: 'preferred_unit_id', required: false },
  { header: '项目简介', field: 'description', required: false },
  { header: '联系人', field: 'contact_name', required: false },
  { header: '联系电话', field: 'contact_phone', required: false },
]

/** Reason codes of a rejected row (docs/api.md, plus what the server's field checks add). */
export const IMPORT_REASONS = [
  'required',
  'invalid_value',
  'too_long',
  'bad_check_character',
  'invalid_format',
  'duplicate_in_file',
  'collision',
  'exceeds_total',
  'not_found',
  'too_many',
] as const

export function importColumnOf(header: string): ImportColumn | undefined {
  const h = header.trim()
  return IMPORT_COLUMNS.find((c) => c.header === h)
}

/** Row problems in a stable order: the file's column order, unknown headers last. */
export function sortedProblems(errors: Record<string, string>): { header: string; reason: string }[] {
  const rank = (h: string) => {
    const i = IMPORT_COLUMNS.findIndex((c) => c.header === h.trim())
    return i < 0 ? IMPORT_COLUMNS.length : i
  }
  return Object.entries(errors)
    .map(([header, reason]) => ({ header, reason }))
    .sort((a, b) => rank(a.header) - rank(b.header))
}
