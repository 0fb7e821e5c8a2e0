export default {
  greeting: {
    morning: '上午好，{name}',
    afternoon: '下午好，{name}',
    evening: '晚上好，{name}',
  },
  info: {
    unit: '所属单位',
    unitKind: '单位类型',
    roles: '我的角色',
    usersInUnit: '本单位用户数',
    lastLogin: '最近登录',
    firstLogin: '首次登录',
  },
}
