export default {
  page: {
    title: '审计日志',
    actor: '操作人',
    action: '操作',
    objectType: '对象类型',
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
  // Nested because action codes contain a dot ("auth.login" → auth → login).
  actions: {
    auth: {
      login: '登录',
      login_failed: '登录失败',
      login_locked: '账号锁定',
      logout: '退出登录',
      password_change: '修改密码',
    },
    user: {
      create: '新建用户',
      update: '修改用户',
      roles: '分配角色',
      password_reset: '重置密码',
    },
    org: {
      unit_create: '新建单位',
      unit_update: '修改单位',
    },
  },
  objectTypes: {
    user: '用户',
    org_unit: '单位',
    session: '会话',
  },
  verify: {
    button: '校验审计链',
    ok: '审计链完整：已校验 {checked} 条记录和 {checkpoints} 个密钥签名的检查点',
    broken: '审计链断裂：第 {id} 条记录校验失败（已校验 {checked} 条）',
    brokenAnchor: '审计链断裂：检查点或锚定文件与审计记录不符，记录可能被删除或改写（已校验 {checked} 条）',
    detail: '技术细节：{reason}',
  },
}
