export default {
  login: {
    title: '招商引资全流程管理平台',
    subtitle: '线索收集 · 预审入库 · 洽谈签约 · 落地投产',
    loginPlaceholder: '请输入账号',
    passwordPlaceholder: '请输入密码',
    submit: '登录',
    loginRequired: '请输入账号',
    passwordRequired: '请输入密码',
  },
}
