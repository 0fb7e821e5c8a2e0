// 群机器人 (docs/api.md "Group robots (群机器人) and their delivery log"): system administrator only.
export default {
  page: {
    title: '群机器人',
    explain:
      '为单位配置企业微信或钉钉群机器人后，发给该单位人员的通知（每日摘要除外）会同时推送到群里。消息先排队，由后台每分钟发送一次；失败会自动重试，发送情况见“发送记录”。',
    robots: '机器人',
    deliveries: '发送记录',
    add: '添加机器人',
    empty: '还没有配置群机器人',
  },
  kinds: {
    wecom: '企业微信',
    dingtalk: '钉钉',
  },
  fields: {
    unit: '所属单位',
    kind: '类型',
    name: '名称',
    url: 'Webhook 地址',
    secret: '加签密钥',
    hasSecret: '密钥',
    enabled: '启用',
    actions: '操作',
  },
  secret: {
    set: '已配置',
    unset: '未配置',
  },
  enabled: {
    switchedOn: '“{name}”已启用',
    switchedOff: '“{name}”已停用',
  },
  actions: {
    edit: '编辑',
    test: '发送测试消息',
    log: '发送记录',
  },
  dialog: {
    createTitle: '添加群机器人',
    editTitle: '编辑群机器人',
    unitPlaceholder: '选择接收通知的单位',
    namePlaceholder: '如：供电公司要素保障群',
    urlPlaceholder: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…',
    urlHint: '在群设置中添加机器人后复制完整的 Webhook 地址（含 ?key= 或 ?access_token=）。',
    urlKeep: '当前：{url}（出于安全，令牌不显示）。留空则保持不变；如需更换请粘贴完整的新地址。',
    secretPlaceholder: '钉钉“加签”时填写；企业微信不用填',
    secretKeep: '已配置，留空则保持不变',
    secretHint: '密钥只写不读：保存后不再显示。',
    clearSecret: '清除已配置的密钥',
    created: '群机器人已添加',
    saved: '群机器人已保存',
    conflict: '该机器人刚被其他人修改过，已重新读取，请核对后再保存',
  },
  /** a field's reason that says more on this form than the generic one */
  fieldErrors: {
    url: {
      invalid_url: '请填写以 http:// 或 https:// 开头的完整地址，不能包含用户名或密码',
      required: '请填写 Webhook 地址',
    },
    unit_id: {
      required: '请选择所属单位',
      not_found: '该单位不存在，请重新选择',
    },
    kind: {
      invalid_value: '请选择企业微信或钉钉',
    },
  },
  test: {
    queued: '测试消息已排队，一分钟内会出现在“发送记录”中',
  },
  deliveries: {
    allRobots: '全部机器人',
    allStatuses: '全部状态',
    refresh: '刷新',
    empty: '暂无发送记录',
    createdAt: '时间',
    unit: '单位',
    robot: '机器人',
    kind: '类型',
    title: '标题',
    status: '状态',
    attempts: '尝试次数',
    lastError: '最近错误',
    deliveredAt: '送达时间',
    nextAt: '下次尝试 {time}',
    testKind: '测试消息',
    statuses: {
      pending: '待发送',
      delivered: '已送达',
      failed: '失败',
    },
  },
}
