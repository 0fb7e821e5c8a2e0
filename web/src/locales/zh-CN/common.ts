export default {
  app: {
    title: '招商引资全流程管理平台',
    shortTitle: '招商平台',
  },
  lang: {
    label: '语言',
    'zh-CN': '简体中文',
    en: 'English',
  },
  langShort: {
    'zh-CN': '中',
    en: 'EN',
  },
  demo: {
    banner: '演示环境 — 本环境的数据均为虚构，请勿录入真实信息',
    accounts: '演示账号：{accounts}；密码均为 {password}',
  },
  actions: {
    save: '保存',
    cancel: '取消',
    confirm: '确定',
    search: '查询',
    reset: '重置',
    create: '新建',
    edit: '编辑',
    refresh: '刷新',
  },
  labels: {
    yes: '是',
    no: '否',
    actions: '操作',
    colon: '：',
    paren: '{text}（{extra}）',
  },
}
