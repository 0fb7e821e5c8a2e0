// In-memory imitation of the matching and pre-review module of docs/api.md (park profiles,
// matching, routing with accept/decline, review panels and rounds) for mock-server.mjs.
// Front-end work only: the C++ server is the authority. Demo data as the brief describes it.

const todayIso = (isoDate) => isoDate(Date.now() + 8 * 3_600_000) // the date in China

/**
 * ctx: { units, users, unitName, fail, send, need, page, addAudit, grantsOf, core }
 * core: what mock-pipeline.mjs exposes (projects, enterStage, log, detail, …).
 * Returns { handle(req, res, p, q, body) → true when handled, workbenchRounds(user) }.
 */
export function createReview(ctx) {
  const { units, users, unitName, fail, send, page, addAudit, core } = ctx
  const { projects, leading, nodeById, industryByCode, under, enterStage, log, find, subtreeOf, isoDate, DAY, DEADLINE_DAYS, SETTINGS } = core
  const userByLogin = (l) => users.find((u) => u.login === l)
  const unitByName = (n) => units.find((u) => u.name === n)
  const perms = (u) => new Set(ctx.grantsOf(u.roles).map((g) => g.permission))
  const has = (u, perm) => perms(u).has(perm)
  const isPark = (id) => units.some((x) => x.id === id && (x.kind === 'park' || x.kind === 'district'))
  const today = () => todayIso(isoDate)
  const addDays = (iso, n) => isoDate(Date.parse(`${iso}T00:00:00Z`) + n * DAY)
  const round2 = (n) => Math.round(n * 100) / 100
  const wan = (yuan) => round2(yuan / 10_000)
  const liOfNode = (nodeId) => nodeById(nodeId)?.li ?? null
  const invalid = (fields) => fail(400, 'invalid_argument', 'invalid input', fields)

  // ================================================================ park profiles
  const profiles = new Map() // unit id → profile (without unit_*)
  let nextCarrier = 1
  const emptyProfile = () => ({
    positioning: '', leading_industry_ids: [], chain_node_ids: [], target_codes: [], excluded_codes: [], redline_codes: [], redline_note: '',
    min_intensity_yuan_per_mu: 0, min_tax_yuan_per_mu: 0, min_output_yuan_per_mu: 0,
    power_kva: 0, water_t_per_day: 0, gas_m3_per_day: 0, steam_t_per_hour: 0, facilities: '', policies: '', contacts: [],
    carriers: [], updated_at: null, version: 0,
  })
  const profileOf = (id) => {
    if (!profiles.has(id)) profiles.set(id, emptyProfile())
    return profiles.get(id)
  }
  const CARRIER_BLANK = {
    area_mu_x100: 0, land_use: '', price_yuan_per_mu: 0, floor_area_m2: 0, floors: 0, floor_load_kg_m2: 0, lease: '',
    rent_yuan_per_m2_month: 0, sale_yuan_per_m2: 0, ready_date: null, note: '',
  }
  const carrier = (c) => ({ id: nextCarrier++, ...CARRIER_BLANK, status: 'available', ...c, version: 1 })
  const profileOut = (id) => {
    const unit = units.find((x) => x.id === id)
    return { unit_id: id, unit_name: unit.name, unit_kind: unit.kind, ...profileOf(id) }
  }
  const liByName = (n) => leading.find((l) => l.name === n)
  const nodeIds = (names) => leading.flatMap((l) => l.nodes).filter((n) => names.includes(n.name)).map((n) => n.id)

  function seedParks() {
    const nev = liByName('新能源汽车')
    const chem = liByName('化工新材料')
    const bio = liByName('生物医药')
    const it = liByName('新一代信息技术')
    const seeds = [
      ['安庆经济技术开发区', {
        positioning: '以新能源汽车及零部件、高端装备制造为主导的先进制造业集聚区',
        leading_industry_ids: [nev?.id].filter(Boolean), chain_node_ids: nodeIds(['整车制造', '动力电池', '电池材料', '驱动电机', '电控与功率器件']),
        target_codes: ['36', '384', '3812', '3824'], excluded_codes: ['2511'], redline_codes: ['2611'], redline_note: '不再新增高耗能、高排放项目',
        min_intensity_yuan_per_mu: 3_000_000, min_tax_yuan_per_mu: 150_000, min_output_yuan_per_mu: 4_000_000,
        power_kva: 80_000, water_t_per_day: 20_000, gas_m3_per_day: 50_000, steam_t_per_hour: 100,
        facilities: '220千伏变电站、污水处理厂（日处理 4 万吨）、人才公寓 1200 套、铁路专用线、保税物流中心',
        policies: '固定资产投资补助（最高 10%）；标准化厂房“拎包入驻”前两年租金减免；首位产业链项目“一事一议”',
        contacts: [{ name: '王磊', phone: '0556-5321001', title: '经开区招商服务中心主任' }, { name: '方敏', phone: '13905561234', title: '项目专员' }],
        carriers: [
          carrier({ kind: 'land', name: 'A-03 地块（新能源汽车产业园）', area_mu_x100: 32_000, land_use: 'industrial', price_yuan_per_mu: 250_000, ready_date: '2026-09-30' }),
          carrier({ kind: 'land', name: 'B-11 地块', area_mu_x100: 5_650, land_use: 'industrial', price_yuan_per_mu: 0, status: 'reserved' }),
          carrier({ kind: 'factory', name: '标准化厂房 5 号楼', floor_area_m2: 12_000, floors: 3, floor_load_kg_m2: 1_000, lease: 'both', rent_yuan_per_m2_month: 12, sale_yuan_per_m2: 3_200 }),
          carrier({ kind: 'factory', name: '标准化厂房 6 号楼', floor_area_m2: 8_000, floors: 2, floor_load_kg_m2: 800, lease: 'rent', rent_yuan_per_m2_month: 10, status: 'used' }),
        ],
      }],
      ['安庆高新技术产业开发区', {
        positioning: '化工新材料和新一代信息技术双轮驱动的创新高地',
        leading_industry_ids: [chem?.id, it?.id].filter(Boolean), chain_node_ids: nodeIds(['合成材料', '专用化学品', '膜材料', '电子元器件']),
        target_codes: ['265', '266', '2921', '398'], excluded_codes: [], redline_codes: ['2511'], redline_note: '炼化产能不再扩张',
        min_intensity_yuan_per_mu: 2_500_000, min_tax_yuan_per_mu: 120_000, min_output_yuan_per_mu: 3_000_000,
        power_kva: 60_000, water_t_per_day: 30_000, gas_m3_per_day: 80_000, steam_t_per_hour: 300,
        facilities: '化工园区公共管廊、危废处置中心、中试基地', policies: '新材料首批次应用保险补偿；研发投入奖补',
        contacts: [{ name: '陈晓', phone: '0556-5322002', title: '高新区招商局副局长' }],
        carriers: [
          carrier({ kind: 'land', name: '化工园区 C-07 地块', area_mu_x100: 15_000, land_use: 'industrial', price_yuan_per_mu: 220_000 }),
          carrier({ kind: 'factory', name: '中试基地 2 号厂房', floor_area_m2: 6_000, floors: 1, floor_load_kg_m2: 2_000, lease: 'rent', rent_yuan_per_m2_month: 15 }),
        ],
      }],
      ['迎江经济开发区', {
        positioning: '生物医药与医疗器械特色园区',
        leading_industry_ids: [bio?.id].filter(Boolean), chain_node_ids: nodeIds(['化学制剂', '医疗器械']),
        target_codes: ['27', '358'], excluded_codes: ['26'], redline_codes: [], redline_note: '',
        min_intensity_yuan_per_mu: 2_000_000, min_tax_yuan_per_mu: 100_000, min_output_yuan_per_mu: 0,
        power_kva: 20_000, water_t_per_day: 8_000, gas_m3_per_day: 10_000, steam_t_per_hour: 20,
        facilities: 'GMP 标准厂房、医药冷链仓库', policies: '创新药械上市奖励',
        contacts: [{ name: '刘芳', phone: '0556-5323003', title: '招商科科长' }],
        carriers: [carrier({ kind: 'factory', name: 'GMP 厂房 A 栋', floor_area_m2: 5_000, floors: 4, floor_load_kg_m2: 500, lease: 'both', rent_yuan_per_m2_month: 18, sale_yuan_per_m2: 4_000 })],
      }],
      ['大观经济开发区', {
        positioning: '电机电器与智能装备配套园区',
        leading_industry_ids: [nev?.id].filter(Boolean), chain_node_ids: nodeIds(['驱动电机', '汽车零部件']),
        target_codes: ['38', '34'], excluded_codes: [], redline_codes: [], redline_note: '',
        min_intensity_yuan_per_mu: 2_000_000, min_tax_yuan_per_mu: 80_000, min_output_yuan_per_mu: 0,
        power_kva: 30_000, water_t_per_day: 5_000, gas_m3_per_day: 0, steam_t_per_hour: 0,
        facilities: '装备制造公共检测中心', policies: '技改设备投资补助',
        contacts: [{ name: '何强', phone: '0556-5324004', title: '园区管委会副主任' }],
        carriers: [carrier({ kind: 'land', name: 'D-02 地块', area_mu_x100: 8_000, land_use: 'industrial', price_yuan_per_mu: 200_000 })],
      }],
      ['宜秀经济开发区', {
        positioning: '汽车零部件与新型建材产业园',
        leading_industry_ids: [nev?.id].filter(Boolean), chain_node_ids: nodeIds(['汽车零部件', '充换电设施']),
        target_codes: ['367', '3829', '30'], excluded_codes: [], redline_codes: ['3011'], redline_note: '水泥熟料产能不再新增',
        min_intensity_yuan_per_mu: 1_800_000, min_tax_yuan_per_mu: 60_000, min_output_yuan_per_mu: 0,
        power_kva: 15_000, water_t_per_day: 4_000, gas_m3_per_day: 0, steam_t_per_hour: 0,
        facilities: '园区公交专线、职工宿舍', policies: '小微企业租金补贴',
        contacts: [{ name: '黄娟', phone: '0556-5325005', title: '招商中心主任' }],
        carriers: [
          carrier({ kind: 'land', name: 'Y-05 地块', area_mu_x100: 6_000, land_use: 'industrial', price_yuan_per_mu: 180_000 }),
          carrier({ kind: 'factory', name: '创业园 3 号厂房', floor_area_m2: 4_000, floors: 2, floor_load_kg_m2: 600, lease: 'rent', rent_yuan_per_m2_month: 8 }),
        ],
      }],
    ]
    for (const [name, p] of seeds) {
      const unit = unitByName(name)
      if (unit) profiles.set(unit.id, { ...emptyProfile(), ...p, updated_at: Date.now() - 10 * DAY, version: 1 })
    }
  }
  seedParks()

  const parkUnits = () => units.filter((u) => u.kind === 'park' || u.kind === 'district')
  const canEditPark = (u, id) => has(u, 'park.write') && (u.roles.includes('coordinator') || subtreeOf(u.unit_id).has(id))
  function needPark(u, id) {
    if (!isPark(id)) fail(404, 'not_found', 'not a park or district')
    if (!canEditPark(u, id)) fail(403, 'forbidden', 'another park')
  }
  const available = (p) => p.carriers.filter((c) => c.status === 'available')

  const PROFILE_TEXT = { positioning: 500, redline_note: 200, facilities: 2000, policies: 2000 }
  const PROFILE_NUMBERS = ['min_intensity_yuan_per_mu', 'min_tax_yuan_per_mu', 'min_output_yuan_per_mu', 'power_kva', 'water_t_per_day', 'gas_m3_per_day', 'steam_t_per_hour']
  const PROFILE_KEYS = [...Object.keys(PROFILE_TEXT), ...PROFILE_NUMBERS, 'leading_industry_ids', 'chain_node_ids', 'target_codes', 'excluded_codes', 'redline_codes', 'contacts']
  function checkProfile(b) {
    const fields = {}
    for (const k of Object.keys(b)) if (![...PROFILE_KEYS, 'version'].includes(k)) fields[k] = 'unknown_field'
    for (const [k, max] of Object.entries(PROFILE_TEXT)) if (b[k] !== undefined && (typeof b[k] !== 'string' || b[k].length > max)) fields[k] = typeof b[k] === 'string' ? 'too_long' : 'wrong_type'
    for (const k of PROFILE_NUMBERS) if (b[k] !== undefined && !(Number.isInteger(b[k]) && b[k] >= 0)) fields[k] = 'invalid_value'
    for (const k of ['target_codes', 'excluded_codes', 'redline_codes'])
      if (b[k] !== undefined && (!Array.isArray(b[k]) || b[k].some((c) => !industryByCode.has(c)))) fields[k] = 'invalid_value'
    if (b.leading_industry_ids !== undefined && (b.leading_industry_ids ?? []).some((id) => !leading.some((l) => l.id === id))) fields.leading_industry_ids = 'not_found'
    if (b.chain_node_ids !== undefined && (b.chain_node_ids ?? []).some((id) => !nodeById(id))) fields.chain_node_ids = 'not_found'
    if (Array.isArray(b.contacts) && b.contacts.length > 5) fields.contacts = 'too_many'
    if (Object.keys(fields).length) invalid(fields)
  }
  const CARRIER_KEYS = ['kind', 'name', 'status', ...Object.keys(CARRIER_BLANK)]
  function checkCarrier(b, partial, kind) {
    const fields = {}
    for (const k of Object.keys(b)) if (![...CARRIER_KEYS, 'version'].includes(k)) fields[k] = 'unknown_field'
    if (!partial) for (const k of ['kind', 'name', 'status']) if (!b[k]) fields[k] = 'required'
    if (b.kind !== undefined && !['land', 'factory'].includes(b.kind)) fields.kind = 'invalid_value'
    if (b.status !== undefined && !['available', 'reserved', 'used'].includes(b.status)) fields.status = 'invalid_value'
    if (typeof b.name === 'string' && b.name.length > 100) fields.name = 'too_long'
    if (typeof b.note === 'string' && b.note.length > 200) fields.note = 'too_long'
    const k = b.kind ?? kind
    if (!partial || b.area_mu_x100 !== undefined) if (k === 'land' && !(b.area_mu_x100 > 0)) fields.area_mu_x100 = 'required'
    if (!partial || b.floor_area_m2 !== undefined) if (k === 'factory' && !(b.floor_area_m2 > 0)) fields.floor_area_m2 = 'required'
    if (Object.keys(fields).length) invalid(fields)
  }

  // ================================================================ matching
  const WEIGHTS = { industry: 40, carrier: 25, threshold: 25, utility: 10, version: 1 }
  const sectionOf = (code) => {
    for (let c = code; c; c = industryByCode.get(c)?.parent) if (industryByCode.get(c)?.level === 1) return c
    return null
  }
  const divisionOf = (code) => {
    for (let c = code; c; c = industryByCode.get(c)?.parent) if (industryByCode.get(c)?.level === 2) return c
    return null
  }
  const nameOf = (code) => industryByCode.get(code)?.name ?? ''

  /** One park's Fit for project facts `f` (docs/api.md "Matching"). */
  function fitOf(unit, f) {
    const p = profileOf(unit.id)
    const code = f.industry_code
    const node = f.chain_node_id ? nodeById(f.chain_node_id) : null
    // industry
    let industry
    const hit = p.target_codes.find((t) => code === t || under(code, t))
    const parkLeading = new Set([...p.leading_industry_ids, ...p.chain_node_ids.map((id) => liOfNode(id)?.id).filter(Boolean)])
    if (hit) industry = [1, { code: 'industry_same_code', params: { code, name: nameOf(code) } }]
    else if (node && p.chain_node_ids.includes(node.n.id)) industry = [0.9, { code: 'industry_chain_node', params: { node: node.n.name } }]
    else if (node && parkLeading.has(node.li.id)) industry = [0.7, { code: 'industry_leading', params: { industry: node.li.name } }]
    else if (!p.target_codes.length) industry = [0.5, { code: 'industry_no_targets', params: {} }]
    else if (divisionOf(code) && p.target_codes.some((t) => divisionOf(t) === divisionOf(code)))
      industry = [0.5, { code: 'industry_same_division', params: { division: divisionOf(code), name: nameOf(divisionOf(code)) } }]
    else if (sectionOf(code) && p.target_codes.some((t) => sectionOf(t) === sectionOf(code)))
      industry = [0.2, { code: 'industry_same_section', params: { section: sectionOf(code), name: nameOf(sectionOf(code)) } }]
    else industry = [0, { code: 'industry_none', params: {} }]
    // carriers
    const parts = []
    const land = available(p).filter((c) => c.kind === 'land').sort((a, b) => a.area_mu_x100 - b.area_mu_x100)
    const fac = available(p).filter((c) => c.kind === 'factory').sort((a, b) => a.floor_area_m2 - b.floor_area_m2)
    if (f.land_mu_x100 > 0) {
      const fits = land.find((c) => c.area_mu_x100 >= f.land_mu_x100)
      const largest = land.at(-1)
      if (fits) parts.push([1, { code: 'land_fits', params: { carrier: fits.name, area_mu: fits.area_mu_x100 / 100, need_mu: f.land_mu_x100 / 100 } }])
      else if (largest) parts.push([(0.5 * largest.area_mu_x100) / f.land_mu_x100, { code: 'land_short', params: { largest_mu: largest.area_mu_x100 / 100, need_mu: f.land_mu_x100 / 100 } }])
      else parts.push([0, { code: 'land_none', params: { need_mu: f.land_mu_x100 / 100 } }])
    }
    if (f.building_m2 > 0) {
      const fits = fac.find((c) => c.floor_area_m2 >= f.building_m2)
      const largest = fac.at(-1)
      if (fits) parts.push([1, { code: 'factory_fits', params: { carrier: fits.name, area_m2: fits.floor_area_m2, need_m2: f.building_m2 } }])
      else if (largest) parts.push([(0.5 * largest.floor_area_m2) / f.building_m2, { code: 'factory_short', params: { largest_m2: largest.floor_area_m2, need_m2: f.building_m2 } }])
      else parts.push([0, { code: 'factory_none', params: { need_m2: f.building_m2 } }])
    }
    const carrierC = parts.length ? [parts.reduce((s, x) => s + x[0], 0) / parts.length, parts.map((x) => x[1])] : [1, [{ code: 'carrier_no_need', params: {} }]]
    // thresholds
    let threshold
    const mu = f.land_mu_x100 / 100
    if (!(f.land_mu_x100 > 0)) threshold = [1, [{ code: 'threshold_no_land', params: {} }]]
    else {
      const checks = [
        ['intensity', p.min_intensity_yuan_per_mu, (f.fixed_investment_yuan || f.total_investment_yuan || 0) / mu],
        ['tax', p.min_tax_yuan_per_mu, (f.annual_tax_yuan || 0) / mu],
        ['output', p.min_output_yuan_per_mu, (f.annual_output_yuan || 0) / mu],
      ].filter(([, min]) => min > 0)
      if (!checks.length) threshold = [1, [{ code: 'threshold_none_set', params: {} }]]
      else
        threshold = [
          checks.reduce((s, [, min, v]) => s + Math.min(1, v / min), 0) / checks.length,
          checks.map(([k, min, v]) => ({ code: `${k}_${v >= min ? 'ok' : 'low'}`, params: { value_wan: wan(v), min_wan: wan(min) } })),
        ]
    }
    // utilities
    let utility
    if (!(f.power_kva > 0)) utility = [1, { code: 'power_no_need', params: {} }]
    else if (!p.power_kva) utility = [0.5, { code: 'power_unknown', params: { need_kva: f.power_kva } }]
    else if (f.power_kva <= p.power_kva) utility = [1, { code: 'power_ok', params: { need_kva: f.power_kva, capacity_kva: p.power_kva } }]
    else utility = [p.power_kva / f.power_kva, { code: 'power_short', params: { need_kva: f.power_kva, capacity_kva: p.power_kva } }]
    const components = [
      { key: 'industry', score: round2(industry[0]), weight: WEIGHTS.industry, reasons: [industry[1]] },
      { key: 'carrier', score: round2(carrierC[0]), weight: WEIGHTS.carrier, reasons: carrierC[1] },
      { key: 'threshold', score: round2(threshold[0]), weight: WEIGHTS.threshold, reasons: threshold[1] },
      { key: 'utility', score: round2(utility[0]), weight: WEIGHTS.utility, reasons: [utility[1]] },
    ]
    const wsum = components.reduce((s, c) => s + c.weight, 0)
    const score = wsum ? Math.round((100 * components.reduce((s, c) => s + c.weight * c.score, 0)) / wsum) : 0
    const exclusions = []
    const ex = p.excluded_codes.find((c) => code === c || under(code, c))
    if (ex) exclusions.push({ code: 'excluded_industry', params: { code: ex, name: nameOf(ex) } })
    const red = p.redline_codes.find((c) => code === c || under(code, c))
    if (red) exclusions.push({ code: 'redline', params: { code: red, name: nameOf(red), note: p.redline_note } })
    return { unit_id: unit.id, unit_name: unit.name, score, excluded: exclusions.length > 0, components, exclusions }
  }
  function fitsFor(f) {
    const all = parkUnits().map((u) => fitOf(u, f))
    const ranked = all.filter((x) => !x.excluded).sort((a, b) => b.score - a.score || a.unit_name.localeCompare(b.unit_name, 'zh'))
    return [...ranked, ...all.filter((x) => x.excluded)]
  }
  const factsOf = (p) => ({
    industry_code: p.industry_code, chain_node_id: p.chain_node_id, fixed_investment_yuan: p.fixed_investment_yuan ?? 0,
    total_investment_yuan: p.total_investment_yuan ?? 0, land_mu_x100: p.land_mu_x100 ?? 0, building_m2: p.building_m2 ?? 0,
    power_kva: p.power_kva ?? 0, annual_tax_yuan: p.annual_tax_yuan ?? 0, annual_output_yuan: p.annual_output_yuan ?? 0,
  })

  // ================================================================ routing
  const routings = []
  let nextRouting = 1
  const DECLINE = ['industry_mismatch', 'no_carrier', 'below_threshold', 'environment_energy', 'investor_doubts', 'other']
  const projectById = (id) => projects.find((x) => x.id === id)
  function routingOut(r) {
    const p = projectById(r.project_id)
    return {
      ...r,
      project_name: p.name, investor_name: p.investor_name, reporting_unit_id: p.reporting_unit_id, reporting_unit_name: unitName(p.reporting_unit_id),
      park_name: unitName(r.park_id), overdue: r.status === 'pending' && r.deadline < today(),
    }
  }
  const routingVisible = (u, r) => u.roles.includes('coordinator') || u.roles.includes('leader') || subtreeOf(u.unit_id).has(r.park_id)
  /** Responsibility back to the investment bureau (a decline or a withdrawal). */
  function backToBureau(p) {
    const coord = userByLogin('coordinator')
    p.responsible_unit_id = coord.unit_id
    p.responsible_user_id = coord.id
    p.next_step = 'route_to_park'
    p.step_deadline = addDays(today(), DEADLINE_DAYS.approved)
    p.version += 1
    p.updated_at = Date.now()
  }
  function pendingOf(p) {
    return routings.find((r) => r.project_id === p.id && r.status === 'pending')
  }
  const mayRespond = (u, r) => u.roles.includes('coordinator') || (u.roles.includes('receiver') && subtreeOf(u.unit_id).has(r.park_id))
  function stat(list, key) {
    const rows = new Map()
    for (const r of list) {
      const id = key(r)
      if (!rows.has(id)) rows.set(id, { unit_id: id, unit_name: unitName(id), routed: 0, accepted: 0, declined: 0, pending: 0, reasons: {} })
      const s = rows.get(id)
      s.routed++
      if (r.status === 'accepted') s.accepted++
      if (r.status === 'declined') (s.declined++), (s.reasons[r.reason_code] = (s.reasons[r.reason_code] ?? 0) + 1)
      if (r.status === 'pending') s.pending++
    }
    return [...rows.values()].sort((a, b) => b.routed - a.routed || a.unit_name.localeCompare(b.unit_name, 'zh'))
  }

  // ================================================================ review
  const CATEGORIES = ['park', 'factor_department', 'academic', 'enterprise']
  const criteria = {
    items: [
      { code: 'industry_fit', name_zh: '产业契合度', name_en: 'Industry fit', weight: 20 },
      { code: 'investment_intensity', name_zh: '投资强度', name_en: 'Investment intensity', weight: 15 },
      { code: 'tax_per_mu', name_zh: '亩均税收', name_en: 'Tax per mu', weight: 15 },
      { code: 'technology', name_zh: '技术先进性', name_en: 'Technology', weight: 15 },
      { code: 'environment_energy', name_zh: '环保与能耗', name_en: 'Environment and energy', weight: 15 },
      { code: 'investor_credibility', name_zh: '投资方实力与信誉', name_en: 'Investor strength and credibility', weight: 10 },
      { code: 'land_availability', name_zh: '要素保障', name_en: 'Land and factor supply', weight: 10 },
    ],
    version: 1,
  }
  const panels = []
  const rounds = []
  let nextPanel = 1
  let nextRound = 1
  const userName = (id) => users.find((x) => x.id === id)?.name ?? ''
  const panelOut = (p) => ({
    ...p,
    members: p.members.map((m) => {
      const u = users.find((x) => x.id === m.user_id)
      return { user_id: m.user_id, user_name: u?.name ?? '', unit_name: unitName(u?.unit_id), category: m.category }
    }),
  })
  function checkPanel(b, partial) {
    const fields = {}
    for (const k of Object.keys(b)) if (!['name', 'members', 'quorum_num', 'quorum_den', 'approve_num', 'approve_den', 'active', 'version'].includes(k)) fields[k] = 'unknown_field'
    if (!partial || b.name !== undefined) if (!b.name?.trim()) fields.name = 'required'
    if (!partial || b.members !== undefined) {
      if (!Array.isArray(b.members) || !b.members.length) fields.members = 'required'
      else if (b.members.some((m) => !users.some((u) => u.id === m.user_id) || !CATEGORIES.includes(m.category))) fields.members = 'invalid_value'
      else if (new Set(b.members.map((m) => m.user_id)).size !== b.members.length) fields.members = 'invalid_value'
    }
    for (const [n, d] of [['quorum_num', 'quorum_den'], ['approve_num', 'approve_den']]) {
      const num = b[n]
      const den = b[d]
      if (num === undefined && den === undefined) continue
      if (!(Number.isInteger(num) && Number.isInteger(den) && num >= 1 && num <= den && den <= 10)) fields[n] = 'invalid_value'
    }
    if (Object.keys(fields).length) invalid(fields)
  }
  const weighted = (scores) => {
    const w = criteria.items.reduce((s, c) => s + c.weight, 0)
    return w ? Math.round((criteria.items.reduce((s, c) => s + (scores[c.code] ?? 0) * c.weight, 0) * 100) / w) / 10 : 0
  }
  function tallyOf(round, item) {
    const members = round.members.length
    const sheets = item.sheets.filter((s) => round.members.some((m) => m.user_id === s.member_id))
    const recused = sheets.filter((s) => s.recused).length
    const votes = sheets.filter((s) => !s.recused && s.vote)
    const eligible = members - recused
    const count = (v) => votes.filter((s) => s.vote === v).length
    const voted = votes.length
    const quorum = eligible > 0 && voted * round.quorum_den >= round.quorum_num * eligible
    let outcome = null
    if (quorum) outcome = count('approve') * round.approve_den >= round.approve_num * voted ? 'approve' : count('more_info') >= count('reject') ? 'more_info' : 'reject'
    return {
      members, recused, eligible, voted, approve: count('approve'), reject: count('reject'), more_info: count('more_info'),
      quorum_met: quorum, outcome, average_score: voted ? Math.round((votes.reduce((s, x) => s + x.weighted, 0) / voted) * 10) / 10 : null,
    }
  }
  // Like the server: a member of an open round sees how many voted, not how.
  const sealed = (t, full) => (full ? t : { ...t, approve: null, reject: null, more_info: null, outcome: null, average_score: null })
  const isMember = (u, round) => round.members.some((m) => m.user_id === u.id)
  const isManager = (u) => has(u, 'review.manage')
  const mayRead = (u, round) => isManager(u) || has(u, 'review.read') || (has(u, 'review.participate') && isMember(u, round))
  /** An open round drops projects decided directly meanwhile (the server audits that). */
  const liveItems = (round) => (round.status === 'open' ? round.items.filter((i) => projectById(i.project_id)?.stage === 'in_review') : round.items)
  const sheetOut = (round, s) => {
    const m = round.members.find((x) => x.user_id === s.member_id)
    return { ...s, member_name: userName(s.member_id), category: m?.category ?? 'factor_department' }
  }
  function summary(u, round) {
    const items = liveItems(round)
    return {
      id: round.id, panel_id: round.panel_id, panel_name: round.panel_name, title: round.title, deadline: round.deadline, status: round.status,
      items_count: items.length,
      my_pending: round.status === 'open' && isMember(u, round) ? items.filter((i) => !i.sheets.some((s) => s.member_id === u.id)).length : 0,
      created_at: round.created_at, closed_at: round.closed_at,
    }
  }
  function prefillOf(p) {
    const best = fitsFor(factsOf(p)).find((f) => !f.excluded)
    const c = (k) => {
      const x = best?.components.find((y) => y.key === k)
      return x ? Math.round(x.score * 100) / 10 : null
    }
    return { industry_fit: c('industry'), investment_intensity: c('threshold'), tax_per_mu: c('threshold'), land_availability: c('carrier') }
  }
  function roundOut(u, round) {
    const manager = isManager(u)
    const seeAll = manager || has(u, 'review.read') || round.status === 'closed'
    return {
      ...summary(u, round),
      members: round.members.map((m) => {
        const x = users.find((y) => y.id === m.user_id)
        return {
          user_id: m.user_id, user_name: x?.name ?? '', unit_name: unitName(x?.unit_id), category: m.category,
          recused_on: round.items.filter((i) => i.sheets.some((s) => s.member_id === m.user_id && s.recused)).map((i) => i.project_id),
        }
      }),
      criteria: criteria.items,
      quorum_num: round.quorum_num, quorum_den: round.quorum_den, approve_num: round.approve_num, approve_den: round.approve_den,
      is_manager: manager, is_member: isMember(u, round),
      items: liveItems(round).map((i) => {
        const p = projectById(i.project_id)
        const node = p.chain_node_id ? nodeById(p.chain_node_id) : null
        const mine = i.sheets.find((s) => s.member_id === u.id)
        return {
          project_id: p.id,
          project: {
            name: p.name, investor_name: p.investor_name, industry_code: p.industry_code, industry_name: nameOf(p.industry_code),
            chain_node_name: node?.n.name ?? null, total_investment_yuan: p.total_investment_yuan, fixed_investment_yuan: p.fixed_investment_yuan ?? 0,
            land_mu_x100: p.land_mu_x100 ?? 0, building_m2: p.building_m2 ?? 0, power_kva: p.power_kva ?? 0, jobs: p.jobs ?? 0,
            annual_output_yuan: p.annual_output_yuan ?? 0, annual_tax_yuan: p.annual_tax_yuan ?? 0, investor_origin: p.investor_origin,
            foreign: p.foreign, description: p.description, reporting_unit_name: unitName(p.reporting_unit_id), promoter_name: userName(p.promoter_id),
          },
          prefill: prefillOf(p),
          top_matches: fitsFor(factsOf(p)).filter((f) => !f.excluded).slice(0, 3),
          my_sheet: mine ? sheetOut(round, mine) : null,
          tally: sealed(tallyOf(round, i), seeAll),
          decision: i.decision,
          ...(seeAll ? { sheets: i.sheets.map((s) => sheetOut(round, s)) } : {}),
        }
      }),
    }
  }
  function findRound(u, id) {
    const round = rounds.find((r) => r.id === Number(id))
    if (!round || !mayRead(u, round)) fail(404, 'not_found', 'no such round')
    return round
  }
  function checkSheet(b) {
    const fields = {}
    if (b.recused === true) {
      for (const k of Object.keys(b)) if (!['recused', 'comment'].includes(k)) fields[k] = 'unknown_field'
      if (!b.comment?.trim()) fields.comment = 'required'
    } else {
      for (const k of Object.keys(b)) if (!['scores', 'vote', 'reason_codes', 'questions', 'comment'].includes(k)) fields[k] = 'unknown_field'
      const scores = b.scores ?? {}
      if (criteria.items.some((c) => !(Number.isInteger(scores[c.code]) && scores[c.code] >= 0 && scores[c.code] <= 10))) fields.scores = 'invalid_value'
      if (!['approve', 'reject', 'more_info'].includes(b.vote)) fields.vote = b.vote ? 'invalid_value' : 'required'
      if (b.vote === 'reject') {
        if (!Array.isArray(b.reason_codes) || !b.reason_codes.length) fields.reason_codes = 'required'
        else if (b.reason_codes.some((c) => !core.REASONS.rejected.includes(c))) fields.reason_codes = 'invalid_value'
      }
      if (b.vote === 'more_info' && !b.questions?.trim()) fields.questions = 'required'
    }
    if (Object.keys(fields).length) invalid(fields)
  }

  function seedReview() {
    const member = (login, category) => ({ user_id: userByLogin(login).id, category })
    const panel = {
      id: nextPanel++, name: '安庆市招商项目预审专班', active: true, quorum_num: 2, quorum_den: 3, approve_num: 2, approve_den: 3,
      members: [member('receiver', 'park'), member('reviewer', 'factor_department'), member('expert', 'academic'), member('expert2', 'enterprise')],
      version: 1,
    }
    panels.push(panel)
    const node = leading.flatMap((l) => l.nodes).find((n) => n.name === '电池材料')
    const at = Date.now() - 12 * DAY
    const p = core.addProject(
      {
        name: '安庆新能源电池材料项目', investor_name: '宁德锂源新材料科技有限公司', investor_origin: '福建省宁德市', industry_code: '2613',
        node_id: node?.id ?? null, total_investment_yuan: 1_500_000_000, fixed_investment_yuan: 1_200_000_000, land_mu_x100: 30_000,
        building_m2: 0, power_kva: 20_000, jobs: 600, annual_output_yuan: 3_000_000_000, annual_tax_yuan: 150_000_000,
        source_channel: 'business_referral', promoter: userByLogin('jkpromoter'),
        description: '建设年产 5 万吨磷酸铁锂正极材料生产线，配套研发中心。',
        contacts: [{ name: '林总', phone: '13859001234', title: '投资总监' }],
      },
      at,
    )
    core.advance(p, 'in_review', null, userByLogin('coordinator'), at)
    const round = {
      id: nextRound++, panel_id: panel.id, panel_name: panel.name, title: '2026年第12期项目预审会', deadline: '2026-12-10', status: 'open',
      members: panel.members.map((m) => ({ ...m })), quorum_num: 2, quorum_den: 3, approve_num: 2, approve_den: 3,
      created_at: Date.now() - 3 * DAY, closed_at: null,
      items: [{ project_id: p.id, sheets: [], decision: null }],
    }
    const vote = (login, scores, comment) => {
      const s = { member_id: userByLogin(login).id, recused: false, scores, vote: 'approve', reason_codes: [], questions: '', comment, updated_at: Date.now() - DAY }
      round.items[0].sheets.push({ ...s, weighted: weighted(scores) })
    }
    vote('receiver', { industry_fit: 9, investment_intensity: 8, tax_per_mu: 8, technology: 7, environment_energy: 6, investor_credibility: 8, land_availability: 9 }, '经开区有现成地块，可承接。')
    vote('reviewer', { industry_fit: 8, investment_intensity: 8, tax_per_mu: 7, technology: 8, environment_energy: 6, investor_credibility: 7, land_availability: 8 }, '需关注能耗指标。')
    rounds.push(round)
  }
  seedReview()

  // ================================================================ routes
  function handle(req, res, p, q, body) {
    const M = req.method
    let m
    // ---------------------------------------------------------------- parks
    if (M === 'GET' && p === '/parks') {
      const u = ctx.need(req, 'park.read')
      const items = parkUnits().map((unit) => {
        const pr = profileOf(unit.id)
        const av = available(pr)
        return {
          unit_id: unit.id, unit_name: unit.name, unit_kind: unit.kind, positioning: pr.positioning,
          available_land_mu_x100: av.filter((c) => c.kind === 'land').reduce((s, c) => s + c.area_mu_x100, 0),
          available_factory_m2: av.filter((c) => c.kind === 'factory').reduce((s, c) => s + c.floor_area_m2, 0),
          carriers_available: av.length, leading_industry_ids: pr.leading_industry_ids, profile_saved: pr.version > 0, can_edit: canEditPark(u, unit.id),
        }
      })
      return send(res, 200, { items }), true
    }
    if (M === 'GET' && (m = /^\/parks\/(\d+)$/.exec(p))) {
      ctx.need(req, 'park.read')
      const id = Number(m[1])
      if (!isPark(id)) fail(404, 'not_found', 'not a park or district')
      return send(res, 200, profileOut(id)), true
    }
    if (M === 'PUT' && (m = /^\/parks\/(\d+)$/.exec(p))) {
      const u = ctx.need(req, 'park.write')
      const id = Number(m[1])
      needPark(u, id)
      const pr = profileOf(id)
      if (body.version !== pr.version) fail(409, 'version_conflict', 'stale version')
      checkProfile(body)
      for (const k of PROFILE_KEYS) if (body[k] !== undefined) pr[k] = body[k]
      pr.version += 1
      pr.updated_at = Date.now()
      addAudit(u, 'park.update', 'park', id, {}, req)
      return send(res, 200, profileOut(id)), true
    }
    if (M === 'POST' && (m = /^\/parks\/(\d+)\/carriers$/.exec(p))) {
      const u = ctx.need(req, 'park.write')
      const id = Number(m[1])
      needPark(u, id)
      checkCarrier(body, false)
      const c = carrier({ ...Object.fromEntries(CARRIER_KEYS.filter((k) => body[k] !== undefined).map((k) => [k, body[k]])) })
      profileOf(id).carriers.push(c)
      addAudit(u, 'park.carrier_create', 'carrier', c.id, {}, req)
      return send(res, 201, c), true
    }
    if ((M === 'PATCH' || M === 'DELETE') && (m = /^\/parks\/(\d+)\/carriers\/(\d+)$/.exec(p))) {
      const u = ctx.need(req, 'park.write')
      const id = Number(m[1])
      needPark(u, id)
      const list = profileOf(id).carriers
      const c = list.find((x) => x.id === Number(m[2])) ?? fail(404, 'not_found', 'no such carrier')
      const version = M === 'DELETE' ? Number(q.get('version')) : body.version
      if (version !== c.version) fail(409, 'version_conflict', 'stale version')
      if (M === 'DELETE') {
        list.splice(list.indexOf(c), 1)
        addAudit(u, 'park.carrier_delete', 'carrier', c.id, {}, req)
        res.writeHead(204)
        return res.end(), true
      }
      checkCarrier(body, true, c.kind)
      for (const k of CARRIER_KEYS) if (body[k] !== undefined && k !== 'kind') c[k] = body[k]
      c.version += 1
      addAudit(u, 'park.carrier_update', 'carrier', c.id, {}, req)
      return send(res, 200, c), true
    }
    // ---------------------------------------------------------------- matching
    if (M === 'GET' && p === '/matching/weights') return ctx.need(req, 'park.read'), send(res, 200, WEIGHTS), true
    if (M === 'PUT' && p === '/matching/weights') {
      const u = ctx.need(req, 'pipeline.settings')
      if (body.version !== WEIGHTS.version) fail(409, 'version_conflict', 'stale version')
      const fields = {}
      for (const k of ['industry', 'carrier', 'threshold', 'utility']) if (!(Number.isInteger(body[k]) && body[k] >= 0 && body[k] <= 100)) fields[k] = 'invalid_value'
      if (!Object.keys(fields).length && !['industry', 'carrier', 'threshold', 'utility'].some((k) => body[k] > 0)) fields.industry = 'invalid_value'
      if (Object.keys(fields).length) invalid(fields)
      Object.assign(WEIGHTS, { industry: body.industry, carrier: body.carrier, threshold: body.threshold, utility: body.utility, version: WEIGHTS.version + 1 })
      addAudit(u, 'matching.weights', 'settings', 'weights', {}, req)
      return send(res, 200, WEIGHTS), true
    }
    if (M === 'GET' && (m = /^\/projects\/(\d+)\/matches$/.exec(p))) {
      const u = ctx.need(req, 'project.read')
      return send(res, 200, { items: fitsFor(factsOf(find(u, m[1]))) }), true
    }
    if (M === 'POST' && p === '/matching/preview') {
      ctx.need(req, 'project.create')
      if (!body.industry_code) invalid({ industry_code: 'required' })
      if (!industryByCode.has(body.industry_code)) invalid({ industry_code: 'invalid_value' })
      const n = (k) => (Number.isInteger(body[k]) ? body[k] : 0)
      const facts = { industry_code: body.industry_code, chain_node_id: body.chain_node_id ?? null }
      for (const k of ['fixed_investment_yuan', 'total_investment_yuan', 'land_mu_x100', 'building_m2', 'power_kva', 'annual_tax_yuan', 'annual_output_yuan']) facts[k] = n(k)
      return send(res, 200, { items: fitsFor(facts) }), true
    }
    // ---------------------------------------------------------------- routing
    if (M === 'POST' && (m = /^\/projects\/(\d+)\/routings$/.exec(p))) {
      const u = ctx.need(req, 'project.write')
      const pr = find(u, m[1])
      if (!u.roles.includes('coordinator')) fail(403, 'forbidden', 'coordinator only')
      if (body.version !== pr.version) fail(409, 'version_conflict', 'stale version')
      if (pr.stage !== 'approved' || pendingOf(pr)) fail(400, 'transition_not_allowed', 'only a project in the pool without a pending routing', { to: 'invalid_value' })
      if (!isPark(body.park_id)) invalid({ park_id: body.park_id === undefined ? 'required' : 'invalid_value' })
      const fit = fitsFor(factsOf(pr)).find((f) => f.unit_id === body.park_id)
      const r = {
        id: nextRouting++, project_id: pr.id, park_id: body.park_id, note: body.note ?? '', routed_by_name: u.name, routed_at: Date.now(),
        deadline: addDays(today(), SETTINGS.routing_days), status: 'pending', reason_code: null, reason: null, decided_by_name: null, decided_at: null,
        fit_score: fit?.score ?? null,
      }
      routings.push(r)
      pr.responsible_unit_id = r.park_id
      pr.responsible_user_id = null
      pr.next_step = 'park_response'
      pr.step_deadline = r.deadline
      pr.pending_routing_id = r.id
      pr.version += 1
      pr.updated_at = Date.now()
      log(pr, {
        kind: 'routed', actor_name: u.name, from: pr.stage, reason: r.note || null,
        changes: { park_id: { from: '', to: String(r.park_id) }, deadline: { from: '', to: r.deadline } },
      })
      addAudit(u, 'routing.create', 'routing', r.id, { project_id: pr.id, park_id: r.park_id }, req)
      return send(res, 201, routingOut(r)), true
    }
    if (M === 'POST' && (m = /^\/routings\/(\d+)\/(accept|decline|withdraw)$/.exec(p))) {
      const u = ctx.need(req, 'routing.read')
      const r = routings.find((x) => x.id === Number(m[1]))
      if (!r || !routingVisible(u, r)) fail(404, 'not_found', 'no such routing')
      const pr = projectById(r.project_id)
      const what = m[2]
      if (what === 'withdraw' ? !u.roles.includes('coordinator') : !mayRespond(u, r)) fail(403, 'forbidden', 'not yours')
      if (r.status !== 'pending') fail(400, 'transition_not_allowed', 'the routing is not pending')
      if (what === 'decline') {
        if (!body.reason_code) invalid({ reason_code: 'required' })
        if (!DECLINE.includes(body.reason_code)) invalid({ reason_code: 'invalid_value' })
        if (body.reason_code === 'other' && !body.reason?.trim()) invalid({ reason: 'required' })
      }
      if (what === 'withdraw' && !body.reason?.trim()) invalid({ reason: 'required' })
      Object.assign(r, { decided_by_name: u.name, decided_at: Date.now(), reason: body.reason?.trim() || null })
      pr.pending_routing_id = null
      if (what === 'accept') {
        r.status = 'accepted'
        const from = pr.stage
        pr.receiving_unit_id = r.park_id
        pr.responsible_unit_id = r.park_id
        pr.responsible_user_id = body.responsible_user_id ?? users.find((x) => x.unit_id === r.park_id && x.roles.includes('receiver'))?.id ?? null
        enterStage(pr, 'negotiating', Date.now())
        pr.version += 1
        pr.updated_at = Date.now()
        log(pr, { kind: 'transition', actor_name: u.name, from, to: 'negotiating' })
      } else {
        r.status = what === 'decline' ? 'declined' : 'withdrawn'
        if (what === 'decline') r.reason_code = body.reason_code
        backToBureau(pr)
        log(pr, {
          kind: `routing_${r.status}`, actor_name: u.name, from: pr.stage, reason_code: r.reason_code, reason: r.reason,
          changes: { park_id: { from: String(r.park_id), to: '' } },
        })
      }
      addAudit(u, `routing.${what}`, 'routing', r.id, { status: r.status }, req)
      return send(res, 200, routingOut(r)), true
    }
    if (M === 'GET' && p === '/routings') {
      const u = ctx.need(req, 'routing.read')
      const status = q.get('status')
      const park = q.get('park_id') ? Number(q.get('park_id')) : null
      const project = q.get('project_id') ? Number(q.get('project_id')) : null
      const list = routings
        .filter((r) => routingVisible(u, r) && (!status || r.status === status) && (park === null || r.park_id === park) && (project === null || r.project_id === project))
        .sort((a, b) => b.routed_at - a.routed_at || b.id - a.id)
      return send(res, 200, page(list.map(routingOut), q)), true
    }
    if (M === 'GET' && p === '/routings/stats') {
      const u = ctx.need(req, 'routing.read')
      const list = routings.filter((r) => routingVisible(u, r))
      return send(res, 200, { by_park: stat(list, (r) => r.park_id), by_reporting_unit: stat(list, (r) => projectById(r.project_id).reporting_unit_id) }), true
    }
    // ---------------------------------------------------------------- review panels and criteria
    if (M === 'GET' && p === '/review/panels') return ctx.need(req, 'review.manage'), send(res, 200, { items: panels.map(panelOut) }), true
    if (M === 'POST' && p === '/review/panels') {
      const u = ctx.need(req, 'review.manage')
      checkPanel(body, false)
      const panel = {
        id: nextPanel++, name: body.name.trim(), active: true, quorum_num: body.quorum_num ?? 2, quorum_den: body.quorum_den ?? 3,
        approve_num: body.approve_num ?? 2, approve_den: body.approve_den ?? 3, members: body.members.map((x) => ({ user_id: x.user_id, category: x.category })), version: 1,
      }
      panels.push(panel)
      addAudit(u, 'review.panel_create', 'panel', panel.id, {}, req)
      return send(res, 201, panelOut(panel)), true
    }
    if (M === 'PATCH' && (m = /^\/review\/panels\/(\d+)$/.exec(p))) {
      const u = ctx.need(req, 'review.manage')
      const panel = panels.find((x) => x.id === Number(m[1])) ?? fail(404, 'not_found', 'no such panel')
      if (body.version !== panel.version) fail(409, 'version_conflict', 'stale version')
      checkPanel(body, true)
      for (const k of ['name', 'active', 'quorum_num', 'quorum_den', 'approve_num', 'approve_den']) if (body[k] !== undefined) panel[k] = body[k]
      if (body.members) panel.members = body.members.map((x) => ({ user_id: x.user_id, category: x.category }))
      panel.version += 1
      addAudit(u, 'review.panel_update', 'panel', panel.id, {}, req)
      return send(res, 200, panelOut(panel)), true
    }
    if (M === 'GET' && p === '/review/criteria') {
      const u = ctx.need(req, 'workbench.view')
      if (!['review.manage', 'review.participate', 'review.read'].some((x) => has(u, x))) fail(403, 'forbidden', 'not allowed')
      return send(res, 200, criteria), true
    }
    if (M === 'PUT' && p === '/review/criteria') {
      const u = ctx.need(req, 'review.manage')
      if (body.version !== criteria.version) fail(409, 'version_conflict', 'stale version')
      if (!Array.isArray(body.items) || !body.items.length) invalid({ items: 'required' })
      if (body.items.some((c) => !c.code || !c.name_zh || !c.name_en || !(Number.isInteger(c.weight) && c.weight >= 0 && c.weight <= 100))) invalid({ items: 'invalid_value' })
      criteria.items = body.items.map((c) => ({ code: c.code, name_zh: c.name_zh, name_en: c.name_en, weight: c.weight }))
      criteria.version += 1
      addAudit(u, 'review.criteria', 'settings', 'criteria', {}, req)
      return send(res, 200, criteria), true
    }
    // ---------------------------------------------------------------- rounds
    const reviewer = () => {
      const u = ctx.need(req, 'workbench.view')
      if (!['review.manage', 'review.participate', 'review.read'].some((x) => has(u, x))) fail(403, 'forbidden', 'not allowed')
      return u
    }
    if (M === 'GET' && p === '/review/rounds') {
      const u = reviewer()
      const status = q.get('status')
      const list = rounds.filter((r) => mayRead(u, r) && (!status || r.status === status)).sort((a, b) => b.created_at - a.created_at)
      return send(res, 200, { items: list.map((r) => summary(u, r)) }), true
    }
    if (M === 'POST' && p === '/review/rounds') {
      const u = ctx.need(req, 'review.manage')
      const fields = {}
      const panel = panels.find((x) => x.id === body.panel_id && x.active)
      if (!panel) fields.panel_id = body.panel_id === undefined ? 'required' : 'not_found'
      if (!body.title?.trim()) fields.title = 'required'
      if (!/^\d{4}-\d{2}-\d{2}$/.test(body.deadline ?? '')) fields.deadline = body.deadline ? 'invalid_value' : 'required'
      const ids = Array.isArray(body.project_ids) ? body.project_ids : []
      const busy = new Set(rounds.filter((r) => r.status === 'open').flatMap((r) => liveItems(r).map((i) => i.project_id)))
      if (!ids.length) fields.project_ids = 'required'
      else if (ids.some((id) => projectById(id)?.stage !== 'in_review' || busy.has(id))) fields.project_ids = 'invalid_value'
      if (Object.keys(fields).length) invalid(fields)
      const round = {
        id: nextRound++, panel_id: panel.id, panel_name: panel.name, title: body.title.trim(), deadline: body.deadline, status: 'open',
        members: panel.members.map((x) => ({ ...x })), quorum_num: panel.quorum_num, quorum_den: panel.quorum_den,
        approve_num: panel.approve_num, approve_den: panel.approve_den, created_at: Date.now(), closed_at: null,
        items: ids.map((id) => ({ project_id: id, sheets: [], decision: null })),
      }
      rounds.push(round)
      addAudit(u, 'review.round_create', 'round', round.id, {}, req)
      return send(res, 201, roundOut(u, round)), true
    }
    if (M === 'GET' && (m = /^\/review\/rounds\/(\d+)$/.exec(p))) {
      const u = reviewer()
      return send(res, 200, roundOut(u, findRound(u, m[1]))), true
    }
    if (M === 'PUT' && (m = /^\/review\/rounds\/(\d+)\/items\/(\d+)\/sheet$/.exec(p))) {
      const u = ctx.need(req, 'review.participate')
      const round = findRound(u, m[1])
      if (!isMember(u, round)) fail(403, 'forbidden', 'not a member of the panel')
      if (round.status !== 'open') fail(400, 'transition_not_allowed', 'the round is closed')
      const item = liveItems(round).find((i) => i.project_id === Number(m[2])) ?? fail(404, 'not_found', 'no such item')
      checkSheet(body)
      const sheet =
        body.recused === true
          ? { member_id: u.id, recused: true, scores: {}, weighted: null, vote: null, reason_codes: [], questions: '', comment: body.comment.trim(), updated_at: Date.now() }
          : {
              member_id: u.id, recused: false, scores: { ...body.scores }, weighted: weighted(body.scores), vote: body.vote,
              reason_codes: body.vote === 'reject' ? [...body.reason_codes] : [], questions: body.vote === 'more_info' ? body.questions.trim() : '',
              comment: body.comment?.trim() ?? '', updated_at: Date.now(),
            }
      const at = item.sheets.findIndex((s) => s.member_id === u.id)
      if (at >= 0) item.sheets.splice(at, 1, sheet)
      else item.sheets.push(sheet)
      addAudit(u, 'review.sheet', 'round', round.id, { project_id: item.project_id, vote: sheet.vote, recused: sheet.recused }, req)
      return send(res, 200, sheetOut(round, sheet)), true
    }
    if (M === 'POST' && (m = /^\/review\/rounds\/(\d+)\/close$/.exec(p))) {
      const u = ctx.need(req, 'review.manage')
      const round = findRound(u, m[1])
      if (round.status !== 'open') fail(400, 'transition_not_allowed', 'the round is closed')
      const items = liveItems(round)
      const missing = Object.fromEntries(items.filter((i) => !tallyOf(round, i).quorum_met).map((i) => [String(i.project_id), 'quorum_not_met']))
      if (Object.keys(missing).length) fail(400, 'quorum_not_met', 'an item lacks its quorum', missing)
      for (const i of items) {
        const t = tallyOf(round, i)
        const pr = projectById(i.project_id)
        const from = pr.stage
        const fits = fitsFor(factsOf(pr)).filter((f) => !f.excluded).slice(0, 3)
        const votes = i.sheets.filter((s) => !s.recused && s.vote)
        const freq = {}
        for (const s of votes.filter((x) => x.vote === 'reject')) for (const c of s.reason_codes) freq[c] = (freq[c] ?? 0) + 1
        const topReason = Object.entries(freq).sort((a, b) => b[1] - a[1])[0]?.[0] ?? null
        const questions = votes.filter((x) => x.vote === 'more_info').map((x) => x.questions).filter(Boolean).join('；')
        i.decision = {
          outcome: t.outcome, decided_at: Date.now(), recommended_parks: t.outcome === 'approve' ? fits.map((f) => ({ unit_id: f.unit_id, unit_name: f.unit_name, score: f.score })) : [],
          reason_code: t.outcome === 'reject' ? topReason : t.outcome === 'more_info' ? 'need_clarification' : null,
          questions: t.outcome === 'more_info' ? questions : null, average_score: t.average_score,
        }
        const to = t.outcome === 'approve' ? 'approved' : t.outcome === 'reject' ? 'rejected' : 'lead'
        if (to !== 'approved') {
          pr.close_reason_code = i.decision.reason_code
          pr.close_reason = i.decision.questions
          const first = pr.promoters.find((x) => x.kind === 'first')
          pr.responsible_user_id = first.user_id
          pr.responsible_unit_id = first.unit_id
        }
        enterStage(pr, to, Date.now())
        pr.version += 1
        pr.updated_at = Date.now()
        log(pr, { kind: 'transition', actor_name: u.name, from, to, reason_code: i.decision.reason_code, reason: i.decision.questions })
      }
      round.status = 'closed'
      round.closed_at = Date.now()
      addAudit(u, 'review.round_close', 'round', round.id, {}, req)
      return send(res, 200, roundOut(u, round)), true
    }
    return false
  }

  /** GET /workbench `review_rounds`: open rounds where the user is a member. */
  const workbenchRounds = (u) => rounds.filter((r) => r.status === 'open' && isMember(u, r)).map((r) => summary(u, r))

  return { handle, workbenchRounds }
}
