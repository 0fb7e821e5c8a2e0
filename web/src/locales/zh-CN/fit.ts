// 匹配理由: one sentence per reason code of docs/api.md "Matching" (key fit.<code>, params as sent).
export default {
  // 产业契合
  industry_same_code: '项目行业属于园区目标产业 {code} {name}',
  industry_chain_node: '项目属于园区产业链节点“{node}”',
  industry_leading: '项目属于园区首位产业“{industry}”',
  industry_same_division: '与园区目标产业同属大类 {division} {name}',
  industry_same_section: '与园区目标产业同属门类 {section} {name}',
  industry_none: '与园区目标产业没有关联',
  industry_unknown: '园区未填写目标产业，无法判断产业契合（按 0 分计）',
  // 载体
  carrier_no_need: '项目没有用地或厂房需求',
  land_fits: '可用地块“{carrier}”{area_mu} 亩，满足用地需求 {need_mu} 亩',
  land_short: '最大可用地块 {largest_mu} 亩，小于用地需求 {need_mu} 亩',
  land_none: '园区地块均已占用或预留（用地需求 {need_mu} 亩）',
  land_unknown: '园区未登记地块载体（用地需求 {need_mu} 亩，按 0 分计）',
  factory_fits: '可用厂房“{carrier}”{area_m2} 平方米，满足厂房需求 {need_m2} 平方米',
  factory_short: '最大可用厂房 {largest_m2} 平方米，小于厂房需求 {need_m2} 平方米',
  factory_none: '园区厂房均已占用或预留（厂房需求 {need_m2} 平方米）',
  factory_unknown: '园区未登记厂房载体（厂房需求 {need_m2} 平方米，按 0 分计）',
  // 准入门槛
  threshold_no_land: '项目没有用地需求，不考核亩均指标',
  threshold_unknown: '园区未填写亩均准入门槛，无法判断（按 0 分计）',
  intensity_ok: '投资强度 {value_wan} 万元/亩，达到园区下限 {min_wan} 万元/亩',
  intensity_low: '投资强度 {value_wan} 万元/亩，低于园区下限 {min_wan} 万元/亩',
  tax_ok: '亩均税收 {value_wan} 万元/亩·年，达到园区下限 {min_wan} 万元/亩·年',
  tax_low: '亩均税收 {value_wan} 万元/亩·年，低于园区下限 {min_wan} 万元/亩·年',
  output_ok: '亩均产出 {value_wan} 万元/亩·年，达到园区下限 {min_wan} 万元/亩·年',
  output_low: '亩均产出 {value_wan} 万元/亩·年，低于园区下限 {min_wan} 万元/亩·年',
  // 用电
  power_no_need: '项目没有用电需求',
  power_ok: '用电需求 {need_kva} kVA，园区富余容量 {capacity_kva} kVA，可以满足',
  power_short: '用电需求 {need_kva} kVA，超过园区富余容量 {capacity_kva} kVA',
  power_unknown: '园区未填写富余供电容量（用电需求 {need_kva} kVA，按 0 分计）',
  // 排除
  excluded_industry: '项目行业 {code} {name} 属于园区排除产业',
  redline: '项目行业 {code} {name} 触及园区能耗/环保红线：{note}',
  /** `redline` without a note */
  redline_plain: '项目行业 {code} {name} 触及园区能耗/环保红线',
  /** a code this version of the app does not know */
  unknown: '匹配说明：{code}',
}
