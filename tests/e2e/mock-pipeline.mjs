// In-memory imitation of the pipeline module of docs/api.md (catalog, projects, workflow) for
// mock-server.mjs. Front-end work only: the C++ server (server/src/zhaoshang/pipeline) is the
// authority; this follows its workflow table and demo data closely enough for the e2e suite.
import fs from 'node:fs'
import path from 'node:path'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'

const here = path.dirname(fileURLToPath(import.meta.url))
const DATA = path.resolve(here, '../../data')
// exceljs is a dev dependency of web/ (the e2e suite reads the downloads with it too).
const loadExcel = () => createRequire(path.resolve(here, '../../web/package.json'))('exceljs')

// ---------------------------------------------------------------- CSV (quoted fields allowed)
/** Rows of cells; a trailing blank line is not a row. */
function parseCsvRows(text) {
  const rows = []
  let row = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++
      else if (c === '"') quoted = false
      else cell += c
    } else if (c === '"') quoted = true
    else if (c === ',') row.push(cell), (cell = '')
    else if (c === '\n') row.push(cell), rows.push(row), (row = []), (cell = '')
    else if (c !== '\r') cell += c
  }
  if (cell || row.length) row.push(cell), rows.push(row)
  return rows
}
function parseCsv(text) {
  const [head, ...body] = parseCsvRows(text)
  return body.filter((r) => r.length > 1).map((r) => Object.fromEntries(head.map((h, i) => [h, r[i] ?? ''])))
}

// data/regions.csv, as the server embeds it.
const REGION_CATALOG = parseCsv(fs.readFileSync(path.join(DATA, 'regions.csv'), 'utf8')).map((r) => ({
  code: r.code,
  level: Number(r.level),
  parent: r.parent || null,
  name: r.name,
  foreign: r.foreign === '1',
}))

const INDUSTRIES = parseCsv(fs.readFileSync(path.join(DATA, 'gbt4754-2017.csv'), 'utf8')).map((r) => ({
  code: r.code,
  level: Number(r.level),
  parent: r.parent || null,
  name: r.name,
}))
const industryByCode = new Map(INDUSTRIES.map((i) => [i.code, i]))
const under = (code, ancestor) => {
  for (let c = code; c; c = industryByCode.get(c)?.parent) if (c === ancestor) return true
  return false
}

// ---------------------------------------------------------------- workflow (pipeline/workflow.cpp)
const MAIN = ['lead', 'in_review', 'approved', 'negotiating', 'signed', 'construction', 'production']
const ACTIVE = MAIN.slice(0, 6)
const RULES = [
  { from: 'lead', to: 'in_review', who: ['promoter', 'coordinator'], required: ['industry_code', 'total_investment_yuan'] },
  { from: 'in_review', to: 'approved', who: ['coordinator'] },
  { from: 'in_review', to: 'rejected', who: ['coordinator'], reason: true, handover: 'promoter' },
  { from: 'in_review', to: 'lead', who: ['coordinator'], reason: true, handover: 'promoter' },
  // approved → negotiating only by routing (mock-review.mjs): the park accepts; a direct request is `use_routing`.
  { from: 'negotiating', to: 'signed', who: ['receiver', 'coordinator'], required: ['signing_date', 'contracted_investment_yuan', 'receiving_unit_id'] },
  { from: 'signed', to: 'construction', who: ['receiver', 'coordinator'], required: ['construction_date'] },
  { from: 'construction', to: 'production', who: ['receiver', 'coordinator'], required: ['production_date'] },
  { from: 'rejected', to: 'lead', who: ['promoter', 'coordinator'], handover: 'promoter' },
  { from: 'shelved', to: null, who: ['responsible', 'coordinator'], reopen: true },
  { from: 'lost', to: null, who: ['coordinator'], required: ['reason'], reopen: true },
  ...ACTIVE.flatMap((s) => [
    { from: s, to: 'shelved', who: ['responsible', 'coordinator'], reason: true },
    { from: s, to: 'lost', who: ['responsible', 'coordinator'], reason: true },
  ]),
]
const REASONS = {
  rejected: ['industry_mismatch', 'below_threshold', 'environment_energy', 'investor_doubts', 'incomplete_info', 'other'],
  returned: ['incomplete_info', 'need_clarification', 'other'],
  shelved: ['investor_paused', 'awaiting_factors', 'policy_pending', 'other'],
  lost: ['investor_withdrew', 'went_elsewhere', 'factor_constraints', 'financing', 'policy', 'other'],
}
const NEXT = { lead: 'submit_review', in_review: 'review_decision', approved: 'route_to_park', negotiating: 'sign', signed: 'start_construction', construction: 'start_production', shelved: 'reopen' }
const DEADLINE_DAYS = { lead: 3, in_review: 7, approved: 14, negotiating: 90, signed: 90, construction: 365 }
const SETTINGS = { routing_days: 5 }
const DAY = 86_400_000
const isoDate = (ms) => new Date(ms).toISOString().slice(0, 10)
const bandOf = (y) => [1, 5, 10, 20, 50].filter((l) => y >= l * 1e8).length

// ---------------------------------------------------------------- investor names (pipeline/investor_name.cpp, simplified)
const REGIONS = ['中华人民共和国', '中国', '上海', '北京', '深圳', '广州', '杭州', '南京', '苏州', '无锡', '宁波', '合肥', '芜湖', '安庆', '武汉', '成都', '常州', '东莞', '江苏', '浙江', '安徽', '广东']
const FORMS = ['股份有限公司', '有限责任公司', '有限公司', '分公司', '公司', '集团', '控股', '股份', '科技']
function normalizeName(name) {
  let s = name.replace(/[（(][^）)]*[）)]/g, '').replace(/[\s.,\-_&·、，。'"]/g, '').toLowerCase()
  for (let again = true; again; ) {
    again = false
    for (const f of FORMS) if (s.endsWith(f) && s.length > f.length) (s = s.slice(0, -f.length)), (again = true)
  }
  for (const r of REGIONS) if (s.startsWith(r) && s.length > r.length + 1) { s = s.slice(r.length); break }
  s = s.replace(/^(省|市|区|县)/, '')
  return s
}
function similarity(a, b) {
  if (!a || !b) return 0
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)])
  for (let j = 1; j <= b.length; j++) d[0][j] = j
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1))
  return 1 - d[a.length][b.length] / Math.max(a.length, b.length)
}
const mask = (s) => (s.length <= 6 ? `${s.slice(0, 1)}***` : `${s.slice(0, 2)}***${s.slice(-4)}`)
const maskPhone = (p) => (p.length >= 7 ? `${p.slice(0, 3)}****${p.slice(-4)}` : '****')
const maskPerson = (n) => (n ? `${n.slice(0, 1)}${'*'.repeat(Math.max(1, n.length - 1))}` : '')

const ALPHA = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
function usccProblem(code) {
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code)) return 'invalid_format'
  const sum = [...code.slice(0, 17)].reduce((acc, c, i) => acc + ALPHA.indexOf(c) * WEIGHTS[i], 0)
  return ALPHA[(31 - (sum % 31)) % 31] === code[17] ? null : 'bad_check_character'
}
function makeUscc(seed) {
  let s = '91340800'
  for (let i = 0; i < 9; i++) s += ALPHA[(seed * 7 + i * 13) % 10]
  const sum = [...s].reduce((acc, c, i) => acc + ALPHA.indexOf(c) * WEIGHTS[i], 0)
  return s + ALPHA[(31 - (sum % 31)) % 31]
}

/**
 * ctx: { units, users, unitName, fail, send, current, csrf, page, addAudit, grantsOf }
 * Returns (req, res, p, q, body) → true when the route was handled.
 */
export function createPipeline(ctx) {
  const { units, users, unitName, fail, send, page, addAudit } = ctx
  const unitByName = (n) => units.find((u) => u.name === n)
  const userByLogin = (l) => users.find((u) => u.login === l)
  const subtreeOf = (id) => {
    const out = new Set([id])
    for (let grew = true; grew; ) {
      grew = false
      for (const u of units) if (u.parent_id !== null && out.has(u.parent_id) && !out.has(u.id)) out.add(u.id), (grew = true)
    }
    return out
  }
  const districtOf = (unitId) => {
    for (let u = units.find((x) => x.id === unitId); u; u = units.find((x) => x.id === u.parent_id)) if (u.kind === 'district') return u.id
    return null
  }

  // ---------------------------------------------------------------- catalog
  const leading = []
  let nextLeading = 1
  let nextNode = 1
  for (const r of parseCsv(fs.readFileSync(path.join(DATA, 'industry-chains-demo.csv'), 'utf8'))) {
    let li = leading.find((l) => l.name === r.chain)
    if (!li) leading.push((li = { id: nextLeading++, name: r.chain, description: '', version: 1, nodes: [] }))
    li.nodes.push({ id: nextNode++, segment: r.segment, name: r.node, codes: r.gbt4754_codes.split(';'), version: 1 })
  }
  const nodeById = (id) => {
    for (const li of leading) for (const n of li.nodes) if (n.id === id) return { li, n }
    return null
  }

  // ---------------------------------------------------------------- projects
  const projects = []
  const timeline = new Map() // project id → entries (oldest first)
  let nextProject = 1
  let nextActivity = 1
  const now = Date.now()

  function log(p, entry) {
    if (!timeline.has(p.id)) timeline.set(p.id, [])
    timeline.get(p.id).push({ at: Date.now(), from: null, to: null, reason_code: null, reason: null, changes: {}, ...entry })
  }
  function enterStage(p, stage, at) {
    p.stage = stage
    p.stage_since = at
    p.next_step = NEXT[stage] ?? 'none'
    const days = DEADLINE_DAYS[stage]
    p.step_deadline = days ? isoDate(at + days * DAY) : null
  }

  function addProject(spec, at) {
    const promoter = spec.promoter
    const node = spec.node_id ? nodeById(spec.node_id) : null
    const p = {
      id: nextProject++,
      name: spec.name,
      investor_name: spec.investor_name,
      uscc: spec.uscc ?? null,
      investor_origin: spec.investor_origin ?? '',
      foreign: spec.foreign ?? false,
      industry_code: spec.industry_code,
      chain_node_id: node?.n.id ?? null,
      total_investment_yuan: spec.total_investment_yuan,
      fixed_investment_yuan: spec.fixed_investment_yuan ?? 0,
      land_mu_x100: spec.land_mu_x100 ?? 0,
      building_m2: spec.building_m2 ?? 0,
      power_kva: spec.power_kva ?? 0,
      jobs: spec.jobs ?? 0,
      annual_output_yuan: spec.annual_output_yuan ?? 0,
      annual_tax_yuan: spec.annual_tax_yuan ?? 0,
      source_channel: spec.source_channel,
      reporting_unit_id: promoter.unit_id,
      promoter_id: promoter.id,
      preferred_unit_id: spec.preferred_unit_id ?? null,
      description: spec.description ?? '',
      contacts: spec.contacts ?? [],
      responsible_user_id: promoter.id,
      responsible_unit_id: promoter.unit_id,
      receiving_unit_id: null,
      signing_date: null,
      contracted_investment_yuan: null,
      construction_date: null,
      production_date: null,
      close_reason_code: null,
      close_reason: null,
      stage_before: null,
      promoters: [{ user_id: promoter.id, unit_id: promoter.unit_id, kind: 'first', joined_at: at }],
      activities: [],
      created_at: at,
      updated_at: at,
      version: 1,
    }
    enterStage(p, 'lead', at)
    projects.push(p)
    timeline.set(p.id, [{ at, kind: 'created', actor_name: promoter.name, from: null, to: 'lead', reason_code: null, reason: null, changes: {} }])
    return p
  }

  // Walks a demo project along the main path to `target` (history dated in the past).
  function advance(p, target, park, coord, at) {
    const path = target === 'rejected' ? ['in_review', 'rejected'] : MAIN.slice(1, MAIN.indexOf(target) + 1)
    let t = at
    for (const s of path) {
      t += 4 * DAY
      const from = p.stage
      if (s === 'negotiating') {
        p.receiving_unit_id = park.id
        p.responsible_unit_id = park.id
        p.responsible_user_id = users.find((u) => u.unit_id === park.id && u.roles.includes('receiver'))?.id ?? null
      }
      if (s === 'signed') (p.signing_date = isoDate(t)), (p.contracted_investment_yuan = p.total_investment_yuan)
      if (s === 'construction') p.construction_date = isoDate(t)
      if (s === 'production') p.production_date = isoDate(t)
      if (s === 'rejected') p.close_reason_code = 'industry_mismatch'
      enterStage(p, s, t)
      timeline.get(p.id).push({ at: t, kind: 'transition', actor_name: coord.name, from, to: s, reason_code: s === 'rejected' ? 'industry_mismatch' : null, reason: null, changes: {} })
    }
    p.updated_at = t
  }

  function seed() {
    const coord = userByLogin('coordinator')
    const promoters = users.filter((u) => u.roles.includes('promoter'))
    const parks = units.filter((u) => u.kind === 'park')
    const jkq = unitByName('安庆经济技术开发区')
    // The two projects the brief's scenarios rely on (same as the server's demo).
    const yx = userByLogin('yxpromoter')
    const jk = userByLogin('jkpromoter')
    const pack = addProject(
      {
        name: '动力电池PACK生产线项目', investor_name: '上海申能动力电池股份有限公司', uscc: '91340800941756811U',
        investor_origin: '上海', industry_code: '3841', node_id: 2, total_investment_yuan: 2_770_000_000,
        fixed_investment_yuan: 1_828_200_000, land_mu_x100: 2900, source_channel: 'resident_team', promoter: yx,
        description: '上海申能动力电池股份有限公司拟投资建设动力电池PACK生产线项目。',
        contacts: [{ name: '黄经理', phone: '13101923900', title: '投资负责人' }],
      },
      now - 48 * DAY,
    )
    advance(pack, 'negotiating', jkq, coord, now - 48 * DAY)
    const motor = addProject(
      {
        name: '新能源汽车电机项目', investor_name: '皖宜驱动电机有限公司', uscc: '91310000116697025P',
        investor_origin: '成都', industry_code: '3812', node_id: 4, total_investment_yuan: 5_570_000_000,
        land_mu_x100: 31000, source_channel: 'business_referral', promoter: jk,
        description: '皖宜驱动电机有限公司拟投资建设新能源汽车电机项目，主要生产驱动电机相关产品。',
        contacts: [{ name: '陈总', phone: '13955667788', title: '副总经理' }],
      },
      now - 160 * DAY,
    )
    advance(motor, 'negotiating', jkq, coord, now - 160 * DAY)
    // Two more motor projects in negotiation, as in the server's demo, so text + stage filters have company.
    for (const [name, investor, park, who] of [
      ['中科驱动电机生产线项目', '北京中科驱动电机集团有限公司', '大观经济开发区', 'yxpromoter'],
      ['宏达驱动电机智能工厂项目', '杭州宏达驱动电机科技有限公司', '宜秀经济开发区', 'jkpromoter'],
    ]) {
      const at = now - 90 * DAY
      const pr = addProject(
        { name, investor_name: investor, investor_origin: investor.slice(0, 2), industry_code: '3812', node_id: 4,
          total_investment_yuan: 2_840_000_000, source_channel: 'visit', promoter: userByLogin(who) },
        at,
      )
      advance(pr, 'negotiating', unitByName(park), coord, at)
    }
    // A spread over all stages, deterministic.
    const cores = ['远景', '华鑫', '中科', '国轩', '星源', '恒创', '宜城', '天成', '瑞丰', '海博', '龙腾', '博远', '晶科', '盛弘', '鼎胜', '宏达', '金禾', '思源', '卓越', '长青']
    const regions = ['上海', '深圳', '杭州', '苏州', '合肥', '南京', '宁波', '无锡', '广州', '武汉']
    const suffixes = ['生产线项目', '产业园项目', '研发及制造基地项目', '扩产项目', '智能工厂项目']
    const stages = ['lead', 'lead', 'in_review', 'approved', 'negotiating', 'negotiating', 'signed', 'construction', 'production', 'rejected', 'shelved', 'lost']
    const allNodes = leading.flatMap((li) => li.nodes)
    for (let i = 0; i < 60; i++) {
      const node = allNodes[(i * 7) % allNodes.length]
      const core = cores[i % cores.length]
      const region = regions[(i * 3) % regions.length]
      const who = promoters[(i * 5) % promoters.length]
      const at = now - (20 + ((i * 37) % 300)) * DAY
      const total = (1 + ((i * 53) % 60)) * 100_000_000 + ((i * 17) % 10) * 10_000_000
      const p = addProject(
        {
          name: `${core}${node.name}${suffixes[i % suffixes.length]}`, investor_name: `${region}${core}${node.name}有限公司`,
          uscc: i % 3 ? makeUscc(i) : null, investor_origin: region, industry_code: node.codes[0], node_id: node.id,
          total_investment_yuan: total, fixed_investment_yuan: Math.round(total * 0.7), land_mu_x100: (50 + ((i * 29) % 300)) * 100,
          jobs: 100 + ((i * 41) % 400), source_channel: ['resident_team', 'business_referral', 'exhibition', 'online', 'agency', 'visit', 'government'][i % 7],
          promoter: who, preferred_unit_id: parks[i % parks.length].id,
          contacts: [{ name: `${'王李张刘陈杨赵黄'[i % 8]}经理`, phone: `139${String(10_000_000 + i * 7919).slice(0, 8)}`, title: '投资负责人' }],
        },
        at,
      )
      const target = stages[i % stages.length]
      if (target === 'shelved' || target === 'lost') {
        advance(p, MAIN[i % 4], parks[i % parks.length], coord, at)
        p.stage_before = p.stage
        p.close_reason_code = target === 'shelved' ? 'awaiting_factors' : 'went_elsewhere'
        const t = p.stage_since + 3 * DAY
        timeline.get(p.id).push({ at: t, kind: 'transition', actor_name: coord.name, from: p.stage, to: target, reason_code: p.close_reason_code, reason: null, changes: {} })
        enterStage(p, target, t)
      } else advance(p, target, parks[i % parks.length], coord, at)
    }
  }
  seed()

  // ---------------------------------------------------------------- views
  const userName = (id) => users.find((u) => u.id === id)?.name ?? null
  function row(p) {
    const node = p.chain_node_id ? nodeById(p.chain_node_id) : null
    const deadline = p.step_deadline
    const { activities, promoters, contacts, description, stage_before, ...rest } = p
    return {
      ...rest,
      industry_name: industryByCode.get(p.industry_code)?.name ?? '',
      chain_node_name: node?.n.name ?? null,
      leading_industry_id: node?.li.id ?? null,
      leading_industry_name: node?.li.name ?? null,
      investment_band: bandOf(p.total_investment_yuan),
      reporting_unit_name: unitName(p.reporting_unit_id),
      promoter_name: userName(p.promoter_id),
      preferred_unit_name: p.preferred_unit_id ? unitName(p.preferred_unit_id) : null,
      responsible_user_name: p.responsible_user_id ? userName(p.responsible_user_id) : null,
      responsible_unit_name: unitName(p.responsible_unit_id),
      receiving_unit_name: p.receiving_unit_id ? unitName(p.receiving_unit_id) : null,
      district_id: p.receiving_unit_id ? districtOf(p.receiving_unit_id) : null,
      capital_in_place_yuan: activities.filter((a) => a.kind === 'capital').reduce((s, a) => s + a.amount_yuan, 0),
      overdue: deadline !== null && deadline < isoDate(Date.now()),
    }
  }
  const scopeOf = (u) => {
    const grants = ctx.grantsOf(u.roles).filter((g) => g.permission === 'project.read').map((g) => g.scope)
    return grants.includes('all') ? 'all' : grants.includes('subtree') ? 'subtree' : grants.includes('self') ? 'self' : null
  }
  function inScope(u, p) {
    const scope = scopeOf(u)
    if (scope === 'all') return true
    if (scope === 'self') return p.promoters.some((x) => x.user_id === u.id)
    if (scope === 'subtree') {
      const sub = subtreeOf(u.unit_id)
      return [p.receiving_unit_id, p.responsible_unit_id, p.reporting_unit_id].some((id) => id !== null && sub.has(id))
    }
    return false
  }
  function relation(u, p) {
    return {
      promoter: u.roles.includes('promoter') && p.promoters.some((x) => x.user_id === u.id),
      coordinator: u.roles.includes('coordinator'),
      receiver: u.roles.includes('receiver') && p.receiving_unit_id !== null && subtreeOf(u.unit_id).has(p.receiving_unit_id),
      responsible: p.responsible_user_id === u.id || (p.responsible_unit_id !== null && subtreeOf(u.unit_id).has(p.responsible_unit_id)),
    }
  }
  const matches = (r, from, to, before) => r.from === from && (r.reopen ? before === to : r.to === to)
  function allowed(u, p) {
    const rel = relation(u, p)
    const out = []
    for (const r of RULES) {
      if (r.from !== p.stage || !r.who.some((w) => rel[w])) continue
      const to = r.reopen ? p.stage_before : r.to
      if (to && !out.includes(to)) out.push(to)
    }
    return out
  }
  function detail(u, p) {
    const masked = !inScope(u, p)
    return {
      ...row(p),
      description: p.description,
      contacts: masked ? p.contacts.map((c) => ({ name: maskPerson(c.name), phone: maskPhone(c.phone), title: c.title })) : p.contacts,
      contacts_masked: masked,
      promoters: p.promoters.map((x) => ({ ...x, user_name: userName(x.user_id), unit_name: unitName(x.unit_id) })),
      allowed_transitions: allowed(u, p),
    }
  }
  const visible = (u) => projects.filter((p) => inScope(u, p))
  const find = (u, id) => {
    const p = projects.find((x) => x.id === Number(id))
    if (!p || !inScope(u, p)) fail(404, 'not_found', 'no such project')
    return p
  }

  function filtered(u, q) {
    const list = (k) => (q.getAll(k).join(',') || '').split(',').filter(Boolean)
    const stages = list('stage')
    const bands = list('band').map(Number)
    const text = (q.get('q') ?? '').trim()
    const num = (k) => (q.get(k) ? Number(q.get(k)) : null)
    const unitSub = num('unit_id') !== null ? subtreeOf(num('unit_id')) : null
    return visible(u).filter((p) => {
      const r = row(p)
      const created = isoDate(p.created_at)
      return (
        (!stages.length || stages.includes(p.stage)) &&
        (!q.get('industry') || under(p.industry_code, q.get('industry'))) &&
        (num('leading_industry_id') === null || r.leading_industry_id === num('leading_industry_id')) &&
        (num('district_id') === null || r.district_id === num('district_id')) &&
        (num('park_id') === null || p.receiving_unit_id === num('park_id')) &&
        (!unitSub || unitSub.has(p.reporting_unit_id)) &&
        (num('promoter_id') === null || p.promoters.some((x) => x.user_id === num('promoter_id'))) &&
        (!bands.length || bands.includes(r.investment_band)) &&
        (!q.get('reported_from') || created >= q.get('reported_from')) &&
        (!q.get('reported_to') || created <= q.get('reported_to')) &&
        (!q.get('signed_from') || (p.signing_date && p.signing_date >= q.get('signed_from'))) &&
        (!q.get('signed_to') || (p.signing_date && p.signing_date <= q.get('signed_to'))) &&
        (!text || p.name.includes(text) || p.investor_name.includes(text)) &&
        (q.get('overdue') !== 'true' || r.overdue)
      )
    })
  }
  const SORT = { created_at: 'created_at', total_investment: 'total_investment_yuan', stage_since: 'stage_since', step_deadline: 'step_deadline', name: 'name' }
  function sorted(list, q) {
    const key = SORT[q.get('sort')] ?? 'created_at'
    const dir = q.get('order') === 'asc' ? 1 : -1
    return [...list].sort((a, b) => {
      const x = a[key] ?? ''
      const y = b[key] ?? ''
      return (x < y ? -1 : x > y ? 1 : 0) * dir || (a.id - b.id) * dir
    })
  }

  // ---------------------------------------------------------------- input
  const EDITABLE = ['name', 'investor_name', 'uscc', 'investor_origin', 'foreign', 'industry_code', 'chain_node_id', 'total_investment_yuan', 'fixed_investment_yuan', 'land_mu_x100', 'building_m2', 'power_kva', 'jobs', 'annual_output_yuan', 'annual_tax_yuan', 'source_channel', 'preferred_unit_id', 'description', 'contacts']
  const NUMBERS = ['total_investment_yuan', 'fixed_investment_yuan', 'land_mu_x100', 'building_m2', 'power_kva', 'jobs', 'annual_output_yuan', 'annual_tax_yuan']
  const SOURCES = ['resident_team', 'business_referral', 'exhibition', 'online', 'agency', 'visit', 'government', 'other']
  function validate(b, { create }) {
    const fields = {}
    for (const k of Object.keys(b)) if (![...EDITABLE, 'version', 'join_project_id'].includes(k)) fields[k] = 'unknown_field'
    if (create) for (const k of ['name', 'investor_name', 'industry_code', 'total_investment_yuan', 'source_channel']) if (b[k] === undefined || b[k] === '' || b[k] === null) fields[k] = 'required'
    for (const k of ['name', 'investor_name']) if (typeof b[k] === 'string' && b[k].length > 100) fields[k] = 'too_long'
    if (b.uscc) {
      const why = usccProblem(String(b.uscc).toUpperCase())
      if (why) fields.uscc = why
    }
    if (b.industry_code && !industryByCode.has(b.industry_code)) fields.industry_code = 'invalid_value'
    if (b.source_channel && !SOURCES.includes(b.source_channel)) fields.source_channel = 'invalid_value'
    for (const k of NUMBERS) if (b[k] !== undefined && b[k] !== null && !(Number.isInteger(b[k]) && b[k] >= 0)) fields[k] = 'invalid_value'
    if (b.chain_node_id && !nodeById(b.chain_node_id)) fields.chain_node_id = 'not_found'
    if (Array.isArray(b.contacts) && b.contacts.length > 5) fields.contacts = 'invalid_value'
    if (Object.keys(fields).length) fail(400, 'invalid_argument', 'the project has invalid fields', fields)
  }
  const clean = (b) => Object.fromEntries(EDITABLE.filter((k) => b[k] !== undefined).map((k) => [k, k === 'uscc' && b[k] ? String(b[k]).toUpperCase() : b[k]]))

  function hitsFor(u, name, uscc, exclude) {
    const norm = normalizeName(name ?? '')
    const out = []
    for (const p of projects) {
      if (p.id === exclude) continue
      let match = null
      let sim = 0
      if (uscc && p.uscc === uscc) (match = 'uscc'), (sim = 1)
      else if (norm) {
        sim = similarity(norm, normalizeName(p.investor_name))
        if (sim >= 0.8) match = 'name'
      }
      if (!match) continue
      const scoped = inScope(u, p)
      out.push({
        project_id: p.id, match, similarity: Math.round(sim * 100) / 100,
        investor_name: scoped ? p.investor_name : mask(p.investor_name),
        project_name: scoped ? p.name : mask(p.name),
        reporting_unit_name: unitName(p.reporting_unit_id), reported_on: isoDate(p.created_at), stage: p.stage, in_scope: scoped,
        contacts: p.contacts.map((c) => ({ name: maskPerson(c.name), phone: maskPhone(c.phone), title: c.title })),
      })
    }
    return out.sort((a, b) => b.similarity - a.similarity).slice(0, 5)
  }

  function transition(u, p, b, req) {
    if (b.version !== p.version) fail(409, 'version_conflict', 'stale version')
    if (p.stage === 'approved' && b.to === 'negotiating') fail(400, 'use_routing', 'a project reaches a park only by routing it and the park accepting')
    const rule = RULES.filter((r) => matches(r, p.stage, b.to, p.stage_before)).at(-1)
    if (!rule) fail(400, 'transition_not_allowed', `no transition from ${p.stage} to ${b.to}`, { to: 'invalid_value' })
    const rel = relation(u, p)
    if (!rule.who.some((w) => rel[w])) fail(403, 'forbidden', `you may not move this project to ${b.to}`)
    const f = b.fields ?? {}
    const facts = {
      industry_code: p.industry_code, total_investment_yuan: p.total_investment_yuan,
      receiving_unit_id: f.receiving_unit_id ?? p.receiving_unit_id, signing_date: f.signing_date ?? null,
      contracted_investment_yuan: f.contracted_investment_yuan ?? null, construction_date: f.construction_date ?? null,
      production_date: f.production_date ?? null, reason: b.reason ?? '',
    }
    const present = (k) => (k === 'total_investment_yuan' || k === 'contracted_investment_yuan' ? facts[k] > 0 : facts[k] !== null && facts[k] !== '' && facts[k] !== undefined)
    const missing = {}
    for (const k of rule.required ?? []) if (!present(k)) missing[k] = 'required'
    if (rule.reason) {
      const codes = REASONS[p.stage === 'in_review' && b.to === 'lead' ? 'returned' : b.to]
      if (!b.reason_code) missing.reason_code = 'required'
      else if (!codes.includes(b.reason_code)) missing.reason_code = 'invalid_value'
      else if (b.reason_code === 'other' && !b.reason) missing.reason = 'required'
    }
    if (Object.keys(missing).length) fail(400, 'guard_failed', 'the transition needs more information', missing)
    const from = p.stage
    if (f.receiving_unit_id) {
      const park = units.find((x) => x.id === f.receiving_unit_id && (x.kind === 'park' || x.kind === 'district'))
      if (!park) fail(400, 'invalid_argument', 'not a park', { receiving_unit_id: 'invalid_value' })
      p.receiving_unit_id = park.id
    }
    if (b.to === 'signed') (p.signing_date = f.signing_date), (p.contracted_investment_yuan = f.contracted_investment_yuan)
    if (b.to === 'construction') p.construction_date = f.construction_date
    if (b.to === 'production') p.production_date = f.production_date
    if (['rejected', 'shelved', 'lost'].includes(b.to) || (from === 'in_review' && b.to === 'lead')) {
      p.close_reason_code = b.reason_code
      p.close_reason = b.reason ?? null
    }
    if (['shelved', 'lost'].includes(b.to)) p.stage_before = from
    if (rule.handover === 'promoter') {
      const first = p.promoters.find((x) => x.kind === 'first')
      p.responsible_user_id = first.user_id
      p.responsible_unit_id = first.unit_id
    }
    if (rule.handover === 'park') {
      p.responsible_unit_id = p.receiving_unit_id
      p.responsible_user_id = f.responsible_user_id ?? null
    }
    enterStage(p, b.to, Date.now())
    p.version += 1
    p.updated_at = Date.now()
    log(p, { kind: 'transition', actor_name: u.name, from, to: b.to, reason_code: b.reason_code ?? null, reason: b.reason ?? null })
    addAudit(u, 'project.transition', 'project', p.id, { from, to: b.to }, req)
  }

  // ---------------------------------------------------------------- Excel (reports/project_excel.cpp, simplified)
  const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
  const CHANNELS = { resident_team: '驻点招商', business_referral: '以商招商', exhibition: '展会招商', online: '网络招商', agency: '中介招商', visit: '上门拜访', government: '部门推介', other: '其他' }
  const STAGE_WORDS = { lead: '线索', in_review: '预审中', approved: '已入库', negotiating: '洽谈中', signed: '已签约', construction: '已开工', production: '已投产', rejected: '未通过', shelved: '暂缓', lost: '流失' }
  const COLUMNS = [
    ['项目名称', 'name', true], ['投资方名称', 'investor_name', true], ['统一社会信用代码', 'uscc', false], ['投资方来源', 'investor_origin', false],
    ['是否外资', 'foreign', false], ['行业代码', 'industry_code', true], ['计划总投资（万元）', 'total_investment_yuan', true],
    ['固定资产投资（万元）', 'fixed_investment_yuan', false], ['用地需求（亩）', 'land_mu_x100', false], ['建筑面积（㎡）', 'building_m2', false],
    ['用电需求（kVA）', 'power_kva', false], ['就业人数', 'jobs', false], ['预计年产值（万元）', 'annual_output_yuan', false],
    ['预计年税收（万元）', 'annual_tax_yuan', false], ['来源渠道', 'source_channel', true], ['意向园区', 'preferred_unit_id', false],
    ['项目简介', 'description', false], ['联系人', 'contact_name', false], ['联系电话', 'contact_phone', false],
  ].map(([header, field, required]) => ({ header, field, required }))
  const REASON_WORDS = { required: '必填', invalid_value: '取值无效', too_long: '超出长度', bad_check_character: '校验位错误', invalid_format: '格式错误', duplicate_in_file: '与本文件中前面的行重复', collision: '疑似撞单：该投资方已有项目报送', exceeds_total: '不能大于计划总投资', not_found: '未找到' }
  const stampOf = (ms) => isoDate(ms + 8 * 3_600_000).replaceAll('-', '')

  async function sendBook(res, wb, asciiName, name) {
    const buf = Buffer.from(await wb.xlsx.writeBuffer())
    res.writeHead(200, { 'Content-Type': XLSX, 'Content-Disposition': `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(name)}` })
    res.end(buf)
  }
  function sheet(wb, name, header) {
    const ws = wb.addWorksheet(name)
    ws.addRow(header).font = { bold: true }
    return ws
  }
  const wan = (y) => (y === null || y === undefined ? null : y / 10_000)

  async function exportXlsx(res, list) {
    const wb = new (loadExcel().Workbook)()
    const ws = sheet(wb, '项目台账', ['序号', '项目名称', '投资方', '统一社会信用代码', '行业代码', '行业名称', '计划总投资（万元）', '来源渠道', '报送单位', '阶段', '承接园区', '签约日期', '报送日期'])
    list.forEach((p, i) =>
      ws.addRow([i + 1, p.name, p.investor_name, p.uscc ?? '', p.industry_code, industryByCode.get(p.industry_code)?.name ?? '', wan(p.total_investment_yuan),
        CHANNELS[p.source_channel] ?? p.source_channel, unitName(p.reporting_unit_id), STAGE_WORDS[p.stage], p.receiving_unit_id ? unitName(p.receiving_unit_id) : '',
        p.signing_date ?? '', isoDate(p.created_at + 8 * 3_600_000)]),
    )
    const d = stampOf(Date.now())
    await sendBook(res, wb, `ledger-${d}.xlsx`, `项目台账-${d}.xlsx`)
  }

  async function templateXlsx(res) {
    const wb = new (loadExcel().Workbook)()
    const ws = sheet(wb, '线索导入', COLUMNS.map((c) => c.header))
    ws.addRow(['年产10GWh储能电池项目', '合肥示例储能科技有限公司', '', '安徽省合肥市', '否', '3841', '150000', '120000', '300', '180000', '20000', '1200', '300000', '18000', '以商招商', '安庆经济技术开发区', '（示例行，导入前请删除）', '王先生', '13800000000'])
    const notes = sheet(wb, '填写说明', ['列名', '是否必填', '说明'])
    for (const c of COLUMNS) notes.addRow([c.header, c.required ? '必填' : '选填', ''])
    await sendBook(res, wb, 'lead-import-template.xlsx', '线索导入模板.xlsx')
  }

  const invalidFile = (why, fields = { file: 'invalid_value' }) => fail(400, 'invalid_file', why, fields)
  async function readTable({ raw, type }) {
    if (!raw?.length) invalidFile('the file is empty')
    if (raw[0] === 0x50 && raw[1] === 0x4b) {
      const wb = new (loadExcel().Workbook)()
      try {
        await wb.xlsx.load(raw)
      } catch {
        invalidFile('not an .xlsx file')
      }
      const ws = wb.worksheets[0] ?? invalidFile('the workbook has no first worksheet')
      const text = (v) => (v === null || v === undefined ? '' : typeof v === 'object' && 'richText' in v ? v.richText.map((r) => r.text).join('') : typeof v === 'object' && 'text' in v ? String(v.text) : String(v))
      const table = []
      ws.eachRow({ includeEmpty: true }, (row, n) => {
        const cells = []
        row.eachCell({ includeEmpty: true }, (c, i) => (cells[i - 1] = text(c.value)))
        table[n - 1] = cells
      })
      return Array.from(table, (r) => r ?? [])
    }
    if (type.includes('spreadsheetml')) invalidFile('not an .xlsx file')
    let bytes = raw
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3)
    let text
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    } catch {
      try {
        text = new TextDecoder('gb18030', { fatal: true }).decode(bytes)
      } catch {
        invalidFile('the CSV is neither UTF-8 nor GBK')
      }
    }
    return parseCsvRows(text)
  }

  function wanToYuan(v) {
    const s = v.replaceAll(',', '')
    if (!/^\d+(\.\d+)?$/.test(s) || Number(s) > 1e11) return null
    return Math.round(Number(s) * 10_000)
  }

  function validateImport(u, table) {
    if (!table.length) invalidFile('the file has no rows', { file: 'required' })
    const at = new Map(table[0].map((h, i) => [String(h).trim(), i]))
    const missing = Object.fromEntries(COLUMNS.filter((c) => c.required && !at.has(c.header)).map((c) => [c.header, 'required']))
    if (Object.keys(missing).length) invalidFile('the header row lacks required columns', missing)
    if (table.length > 5001) invalidFile('at most 5000 rows per import', { file: 'too_many' })
    const rows = []
    const seenName = new Set()
    const seenUscc = new Set()
    for (let r = 1; r < table.length; r++) {
      const cell = (c) => (at.has(c.header) ? String(table[r][at.get(c.header)] ?? '').trim() : '')
      if (COLUMNS.every((c) => !cell(c))) continue // blank lines are not rows
      const errors = {}
      const input = {}
      const contact = { name: '', phone: '', title: '' }
      for (const c of COLUMNS) {
        const v = cell(c)
        if (!v) {
          if (c.required) errors[c.header] = 'required'
          continue
        }
        const bad = (why = 'invalid_value') => (errors[c.header] ??= why)
        switch (c.field) {
          case 'name':
          case 'investor_name':
            if (v.length > 100) bad('too_long')
            input[c.field] = v
            break
          case 'uscc': {
            const why = usccProblem(v.toUpperCase())
            if (why) bad(why)
            input.uscc = v.toUpperCase()
            break
          }
          case 'investor_origin':
            if (v.length > 50) bad('too_long')
            input.investor_origin = v
            break
          case 'foreign':
            if (v === '是' || v === '否') input.foreign = v === '是'
            else bad()
            break
          case 'industry_code':
            if (!industryByCode.has(v)) bad()
            input.industry_code = v
            break
          case 'source_channel': {
            const code = Object.keys(CHANNELS).find((k) => k === v || CHANNELS[k] === v)
            if (code) input.source_channel = code
            else bad()
            break
          }
          case 'preferred_unit_id': {
            const unit = units.find((x) => x.name === v && (x.kind === 'park' || x.kind === 'district'))
            if (unit) input.preferred_unit_id = unit.id
            else bad('not_found')
            break
          }
          case 'description':
            if (v.length > 2000) bad('too_long')
            input.description = v
            break
          case 'contact_name':
            contact.name = v
            break
          case 'contact_phone':
            contact.phone = v
            break
          case 'land_mu_x100': {
            const y = wanToYuan(v)
            if (y === null) bad()
            else input.land_mu_x100 = Math.round(y / 100)
            break
          }
          case 'building_m2':
          case 'power_kva':
          case 'jobs':
            if (/^\d+$/.test(v)) input[c.field] = Number(v)
            else bad()
            break
          default: {
            const y = wanToYuan(v) // amounts in 万元
            if (y === null) bad()
            else input[c.field] = y
          }
        }
      }
      if (contact.name || contact.phone) input.contacts = [contact]
      if (input.fixed_investment_yuan > input.total_investment_yuan) errors['固定资产投资（万元）'] ??= 'exceeds_total'
      let collision = null
      if (!Object.keys(errors).length) {
        const norm = normalizeName(input.investor_name)
        if (seenName.has(norm) || (input.uscc && seenUscc.has(input.uscc))) errors['投资方名称'] = 'duplicate_in_file'
        else {
          seenName.add(norm)
          if (input.uscc) seenUscc.add(input.uscc)
          const hit = hitsFor(u, input.investor_name, input.uscc ?? null)[0]
          if (hit) (errors['投资方名称'] = 'collision'), (collision = hit.project_id)
        }
      }
      rows.push({ row: r + 1, cells: table[r], input, errors, ok: !Object.keys(errors).length, collision })
    }
    return rows
  }

  const rowJson = (r) => ({
    row: r.row, ok: r.ok, errors: r.errors, name: r.input.name ?? '', investor_name: r.input.investor_name ?? '',
    industry_code: r.input.industry_code ?? '', total_investment_yuan: r.input.total_investment_yuan ?? null, collision_project_id: r.collision,
  })

  async function importRoute(u, what, body, res, req) {
    const table = await readTable(body)
    const rows = validateImport(u, table)
    const valid = rows.filter((r) => r.ok)
    if (what === 'preview') return send(res, 200, { total: rows.length, valid: valid.length, rejected: rows.length - valid.length, rows: rows.map(rowJson) })
    if (what === 'commit') {
      const ids = valid.map((r) => {
        const made = addProject({ ...r.input, node_id: null, promoter: u }, Date.now())
        addAudit(u, 'project.create', 'project', made.id, { import: true }, req)
        return made.id
      })
      return send(res, 201, { imported: ids.length, rejected: rows.length - ids.length, project_ids: ids, rows: rows.filter((r) => !r.ok).map(rowJson) })
    }
    const wb = new (loadExcel().Workbook)()
    const ws = sheet(wb, '未导入的行', ['行号', '错误原因', ...table[0]])
    for (const r of rows.filter((x) => !x.ok))
      ws.addRow([r.row, Object.entries(r.errors).map(([h, why]) => `${h}：${REASON_WORDS[why] ?? why}`).join('；'), ...r.cells])
    await sendBook(res, wb, 'import-rejected-rows.xlsx', '未导入行报告.xlsx')
  }

  // ---------------------------------------------------------------- routes
  const handle = function handle(req, res, p, q, body) {
    const M = req.method
    let m
    // catalog
    if (M === 'GET' && p === '/catalog/industries') return ctx.need(req, 'catalog.read'), send(res, 200, { items: INDUSTRIES }), true
    if (M === 'GET' && p === '/catalog/regions') return ctx.need(req, 'catalog.read'), send(res, 200, { items: REGION_CATALOG }), true
    if (M === 'GET' && p === '/catalog/leading-industries') return ctx.need(req, 'catalog.read'), send(res, 200, { items: leading }), true
    if (M === 'POST' && p === '/catalog/leading-industries') {
      ctx.need(req, 'catalog.write')
      if (!body.name) fail(400, 'invalid_argument', 'invalid input', { name: 'required' })
      if (leading.some((l) => l.name === body.name)) fail(409, 'already_exists', 'name taken', { name: 'already_exists' })
      const li = { id: nextLeading++, name: body.name, description: body.description ?? '', version: 1, nodes: [] }
      leading.push(li)
      return send(res, 201, li), true
    }
    if (M === 'PATCH' && (m = /^\/catalog\/leading-industries\/(\d+)$/.exec(p))) {
      ctx.need(req, 'catalog.write')
      const li = leading.find((l) => l.id === Number(m[1])) ?? fail(404, 'not_found', 'no such leading industry')
      if (body.version !== li.version) fail(409, 'version_conflict', 'stale version')
      Object.assign(li, body.name ? { name: body.name } : {}, body.description !== undefined ? { description: body.description } : {}, { version: li.version + 1 })
      return send(res, 200, li), true
    }
    const checkNode = (b, partial) => {
      const fields = {}
      if (!partial || b.segment !== undefined) if (!b.segment) fields.segment = 'required'
      if (!partial || b.name !== undefined) if (!b.name) fields.name = 'required'
      if (!partial || b.codes !== undefined)
        if (!Array.isArray(b.codes) || !b.codes.length) fields.codes = 'required'
        else if (b.codes.some((c) => !industryByCode.has(c))) fields.codes = 'invalid_value'
      if (Object.keys(fields).length) fail(400, 'invalid_argument', 'invalid input', fields)
    }
    if (M === 'POST' && (m = /^\/catalog\/leading-industries\/(\d+)\/nodes$/.exec(p))) {
      ctx.need(req, 'catalog.write')
      const li = leading.find((l) => l.id === Number(m[1])) ?? fail(404, 'not_found', 'no such leading industry')
      checkNode(body, false)
      const n = { id: nextNode++, segment: body.segment, name: body.name, codes: body.codes, version: 1 }
      li.nodes.push(n)
      return send(res, 201, n), true
    }
    if (M === 'PATCH' && (m = /^\/catalog\/chain-nodes\/(\d+)$/.exec(p))) {
      ctx.need(req, 'catalog.write')
      const found = nodeById(Number(m[1])) ?? fail(404, 'not_found', 'no such node')
      if (body.version !== found.n.version) fail(409, 'version_conflict', 'stale version')
      checkNode(body, true)
      for (const k of ['segment', 'name', 'codes']) if (body[k] !== undefined) found.n[k] = body[k]
      found.n.version += 1
      return send(res, 200, found.n), true
    }
    if (M === 'DELETE' && (m = /^\/catalog\/chain-nodes\/(\d+)$/.exec(p))) {
      ctx.need(req, 'catalog.write')
      const found = nodeById(Number(m[1])) ?? fail(404, 'not_found', 'no such node')
      if (Number(q.get('version')) !== found.n.version) fail(409, 'version_conflict', 'stale version')
      found.li.nodes.splice(found.li.nodes.indexOf(found.n), 1)
      res.writeHead(204)
      return res.end(), true
    }

    // projects
    if (M === 'GET' && p === '/projects') {
      const u = ctx.need(req, 'project.read')
      return send(res, 200, page(sorted(filtered(u, q), q).map(row), q)), true
    }
    if (M === 'GET' && p === '/projects/board') {
      const u = ctx.need(req, 'project.read')
      const list = sorted(filtered(u, q), q)
      const columns = [...MAIN, 'rejected', 'shelved', 'lost'].map((stage) => {
        const items = list.filter((x) => x.stage === stage)
        return { stage, count: items.length, items: items.slice(0, 50).map(row) }
      })
      return send(res, 200, { columns }), true
    }
    if (M === 'POST' && p === '/projects/collision-check') {
      const u = ctx.need(req, 'project.create')
      const uscc = body.uscc ? String(body.uscc).toUpperCase() : null
      return send(res, 200, { hits: hitsFor(u, body.investor_name, uscc, body.exclude_project_id) }), true
    }
    if (M === 'POST' && p === '/projects') {
      const u = ctx.need(req, 'project.create')
      if (body.join_project_id !== undefined && body.join_project_id !== null) {
        // 撞单: only a project among the collision hits of the submitted investor_name / uscc.
        const uscc = body.uscc ? String(body.uscc).toUpperCase() : null
        const hits = hitsFor(u, body.investor_name, uscc, undefined)
        const target = hits.some((h) => h.project_id === body.join_project_id) ? projects.find((x) => x.id === body.join_project_id) : null
        if (!target) fail(400, 'invalid_argument', 'join_project_id is not a collision hit of this investor', { join_project_id: 'invalid_value' })
        if (target.promoters.some((x) => x.user_id === u.id))
          fail(409, 'already_promoter', 'you already promote this project', { join_project_id: 'already_promoter' })
        target.promoters.push({ user_id: u.id, unit_id: u.unit_id, kind: 'co', joined_at: Date.now() })
        log(target, { kind: 'promoter', actor_name: u.name })
        addAudit(u, 'project.join', 'project', target.id, {}, req)
        return send(res, 200, { joined: true, project_id: target.id }), true
      }
      validate(body, { create: true })
      const made = addProject({ ...clean(body), node_id: body.chain_node_id ?? null, promoter: u }, Date.now())
      addAudit(u, 'project.create', 'project', made.id, {}, req)
      return send(res, 201, detail(u, made)), true
    }
    if (M === 'GET' && (m = /^\/projects\/(\d+)$/.exec(p))) {
      const u = ctx.need(req, 'project.read')
      return send(res, 200, detail(u, find(u, m[1]))), true
    }
    if (M === 'PATCH' && (m = /^\/projects\/(\d+)$/.exec(p))) {
      const u = ctx.need(req, 'project.write')
      const pr = find(u, m[1])
      const rel = relation(u, pr)
      if (!rel.coordinator && !rel.responsible && !pr.promoters.some((x) => x.kind === 'first' && x.user_id === u.id)) fail(403, 'forbidden', 'not yours to edit')
      if (body.version !== pr.version) fail(409, 'version_conflict', 'stale version')
      validate(body, { create: false })
      const changes = {}
      for (const [k, v] of Object.entries(clean(body))) {
        if (JSON.stringify(pr[k]) === JSON.stringify(v)) continue
        changes[k] = { from: pr[k], to: v }
        pr[k] = v
      }
      pr.version += 1
      pr.updated_at = Date.now()
      if (Object.keys(changes).length) log(pr, { kind: 'change', actor_name: u.name, changes })
      return send(res, 200, detail(u, pr)), true
    }
    if (M === 'POST' && (m = /^\/projects\/(\d+)\/transitions$/.exec(p))) {
      const u = ctx.need(req, 'project.write')
      const pr = find(u, m[1])
      transition(u, pr, body, req)
      return send(res, 200, detail(u, pr)), true
    }
    if (M === 'GET' && (m = /^\/projects\/(\d+)\/timeline$/.exec(p))) {
      const u = ctx.need(req, 'project.read')
      const pr = find(u, m[1])
      return send(res, 200, { items: [...(timeline.get(pr.id) ?? [])].reverse() }), true
    }
    if (M === 'POST' && (m = /^\/projects\/(\d+)\/activities$/.exec(p))) {
      const u = ctx.need(req, 'project.write')
      const pr = find(u, m[1])
      const fields = {}
      const kinds = ['call', 'visit', 'reception', 'meeting', 'inspection', 'signing', 'construction', 'production', 'capital']
      if (!kinds.includes(body.kind)) fields.kind = body.kind ? 'invalid_value' : 'required'
      if (!/^\d{4}-\d{2}-\d{2}$/.test(body.date ?? '')) fields.date = body.date ? 'invalid_value' : 'required'
      else if (body.date > isoDate(Date.now())) fields.date = 'in_future'
      if (!body.summary) fields.summary = 'required'
      if (body.kind === 'capital' && !(body.amount_yuan > 0)) fields.amount_yuan = 'required'
      if (body.confirm_over_investment !== undefined && typeof body.confirm_over_investment !== 'boolean') fields.confirm_over_investment = 'wrong_type'
      if (Object.keys(fields).length) fail(400, 'invalid_argument', 'invalid argument', fields)
      if (body.kind === 'capital') {
        // 到位资金 may not pass the contracted investment (else the total): the coordinator may confirm it.
        const cap = pr.contracted_investment_yuan ?? pr.total_investment_yuan
        const inPlace = pr.activities.filter((a) => a.kind === 'capital').reduce((sum, a) => sum + a.amount_yuan, 0)
        if (inPlace + body.amount_yuan > cap) {
          const mayConfirm = relation(u, pr).coordinator
          if (!mayConfirm) fail(400, 'invalid_argument', 'capital in place would exceed the investment', { amount_yuan: 'exceeds_investment' })
          if (body.confirm_over_investment !== true)
            fail(400, 'invalid_argument', 'capital in place would exceed the investment: confirm it', { amount_yuan: 'confirm_required' })
        }
      }
      const a = {
        id: nextActivity++, project_id: pr.id, kind: body.kind, date: body.date, participants: body.participants ?? '',
        summary: body.summary, outcome: body.outcome ?? null, next_action_date: body.next_action_date ?? null,
        amount_yuan: body.kind === 'capital' ? body.amount_yuan : null, actor_id: u.id, actor_name: u.name, created_at: Date.now(),
      }
      pr.activities.push(a)
      log(pr, { kind: 'activity', actor_name: u.name, activity: a })
      return send(res, 201, a), true
    }
    if (M === 'POST' && (m = /^\/projects\/(\d+)\/promoters\/adjudicate$/.exec(p))) {
      const u = ctx.need(req, 'project.adjudicate')
      const pr = find(u, m[1])
      const next = pr.promoters.find((x) => x.user_id === body.first_user_id)
      if (!next) fail(400, 'invalid_argument', 'not a promoter of the project', { first_user_id: 'invalid_value' })
      if (!body.reason) fail(400, 'invalid_argument', 'reason required', { reason: 'required' })
      for (const x of pr.promoters) x.kind = x === next ? 'first' : 'co'
      pr.promoter_id = next.user_id
      pr.reporting_unit_id = next.unit_id
      pr.version += 1
      log(pr, { kind: 'promoter', actor_name: u.name })
      addAudit(u, 'project.adjudicate', 'project', pr.id, { first_user_id: next.user_id }, req)
      return send(res, 200, detail(u, pr)), true
    }
    // Excel export and import (台账导出 / 导入)
    if (M === 'GET' && p === '/projects/export.xlsx') {
      const u = ctx.need(req, 'project.read')
      const list = sorted(filtered(u, q), q)
      if (list.length > 100_000) fail(400, 'invalid_argument', 'narrow the filters: at most 100000 rows per export', { filters: 'too_many_rows' })
      addAudit(u, 'project.export', 'project', null, { rows: list.length }, req)
      return exportXlsx(res, list).then(() => true)
    }
    if (M === 'GET' && p === '/projects/import-template.xlsx') {
      ctx.need(req, 'project.create')
      return templateXlsx(res).then(() => true)
    }
    if (M === 'POST' && (m = /^\/projects\/import\/(preview|commit|report\.xlsx)$/.exec(p))) {
      const u = ctx.need(req, 'project.create')
      return importRoute(u, m[1], body, res, req).then(() => true)
    }
    if (M === 'GET' && p === '/pipeline/settings')
      return ctx.need(req, 'project.read'), send(res, 200, { stage_deadline_days: DEADLINE_DAYS, routing_days: SETTINGS.routing_days }), true
    if (M === 'PUT' && p === '/pipeline/settings') {
      const u = ctx.need(req, 'pipeline.settings')
      const days = body.stage_deadline_days
      if (!days || typeof days !== 'object' || Array.isArray(days))
        fail(400, 'invalid_argument', 'invalid input', { stage_deadline_days: days === undefined ? 'required' : 'wrong_type' })
      const fields = {}
      for (const k of Object.keys(body)) if (k !== 'stage_deadline_days' && k !== 'routing_days') fields[k] = 'unknown_field'
      if (body.routing_days !== undefined && !(Number.isInteger(body.routing_days) && body.routing_days >= 1 && body.routing_days <= 60))
        fields.routing_days = 'invalid_value'
      for (const [k, v] of Object.entries(days)) {
        if (!Number.isInteger(v)) fields[k] = 'wrong_type'
        else if (!(k in DEADLINE_DAYS)) fields[k] = 'unknown_field'
        else if (v < 1 || v > 3650) fields[k] = 'invalid_value'
      }
      if (Object.keys(fields).length) fail(400, 'invalid_argument', 'invalid stage deadline days', fields)
      const changed = Object.fromEntries(Object.entries(days).filter(([k, v]) => DEADLINE_DAYS[k] !== v))
      Object.assign(DEADLINE_DAYS, days)
      if (body.routing_days !== undefined) SETTINGS.routing_days = body.routing_days
      addAudit(u, 'pipeline.settings', 'settings', 'stage_deadline', changed, req)
      return send(res, 200, { stage_deadline_days: DEADLINE_DAYS, routing_days: SETTINGS.routing_days }), true
    }
    return false
  }
  // What mock-review.mjs (parks, matching, routing, pre-review) builds on.
  handle.core = {
    projects, leading, nodeById, industryByCode, under, enterStage, log, row, detail, inScope, find, subtreeOf,
    addProject, advance, DEADLINE_DAYS, SETTINGS, isoDate, DAY, REASONS,
  }
  return handle
}
