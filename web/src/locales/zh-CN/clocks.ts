// 工作日历与时限 (docs/api.md "Calendar and clocks")
export default {
  states: {
    on_time: '正常',
    due_soon: '即将到期',
    overdue: '已超期',
    unknown: '时限未知',
  },
  ledger: {
    column: '时限状态',
    filter: '时限状态',
  },
}
