export default {
  page: {
    title: '审计日志',
    actor: '操作人',
    action: '操作',
    objectType: '对象类型',
    timeRange: '时间范围',
    start: '开始时间',
    end: '结束时间',
  },
  columns: {
    id: '序号',
    at: '时间',
    actor: '操作人',
    unit: '单位',
    source: '来源',
    action: '操作',
    object: '对象',
    requestId: '请求号',
    diff: '变更内容',
  },
  verify: {
    button: '校验审计链',
    ok: '审计链完整：已校验 {checked} 条记录',
    broken: '审计链断裂：第 {id} 条记录校验失败（已校验 {checked} 条）',
  },
}
