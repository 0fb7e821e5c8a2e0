// 超期上报 (docs/api.md "Escalation and the scheduler"): the tiers an overdue item rises through,
// the workbench block and the words of an `escalated` step in a timeline.
export default {
  tiers: {
    responsible: '本人/责任单位',
    unit_head: '单位负责人',
    coordinator: '统筹部门',
    leader: '分管领导',
  },
  /** the tier as the object of 「上报至…」 */
  tierTo: {
    responsible: '本人/责任单位',
    unit_head: '单位负责人',
    coordinator: '统筹部门',
    leader: '分管领导',
  },
  otherTier: '上一级',
  objects: {
    project: '项目',
    routing: '分派',
    factor_request: '要素需求',
    supervision_item: '督办',
    other: '事项',
  },
  line: {
    reminded: '已超期，提醒本人/责任单位',
    remindedDays: '已超期 {days} 个工作日，提醒本人/责任单位',
    raised: '已超期，上报至{tier}',
    raisedDays: '已超期 {days} 个工作日，上报至{tier}',
    routing: '分派接收{line}',
    deadline: '（期限 {date}）',
    event: '超期上报',
  },
  workbench: {
    title: '超期上报',
    total: '共 {n} 条',
    hint: '超期事项按“本人/责任单位 → 单位负责人 → 统筹部门 → 分管领导”逐级上报，最新的在最上面；点击直接去办理。',
    deadline: '期限 {date}',
    at: '上报于 {time}',
  },
}
