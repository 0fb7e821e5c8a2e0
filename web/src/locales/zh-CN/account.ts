export default {
  password: {
    title: '修改密码',
    forcedNotice: '管理员已重置您的密码，请先修改密码',
    forcedDetail: '修改完成前不能使用其他功能；可以切换语言或退出登录。',
    oldPassword: '当前密码',
    oldPasswordForced: '当前密码（管理员重置后的密码）',
    newPassword: '新密码',
    confirmPassword: '确认新密码',
    hint: '至少 8 位；包含大写字母、小写字母、数字、符号中的至少 3 类；不能包含账号；不能与最近 5 次使用过的密码相同',
    mismatch: '两次输入的新密码不一致',
    submit: '修改密码',
    saved: '密码已修改；您在其他设备上的登录已退出',
    otherSessions: '修改后，本账号在其他浏览器或设备上的登录将全部退出。',
  },
}
