export default {
  menu: {
    workbench: '工作台',
    projects: '项目台账',
    board: '项目看板',
    newLead: '报送线索',
    catalog: '产业目录',
    pipelineSettings: '阶段期限',
    projectDetail: '项目详情',
    projectEdit: '编辑项目',
    projectImport: '批量导入线索',
    orgUnits: '组织机构',
    users: '用户管理',
    roles: '角色权限',
    audit: '审计日志',
  },
  top: {
    logout: '退出登录',
    unit: '所属单位',
    loggedOut: '已退出登录',
  },
  pages: {
    forbiddenTitle: '无权访问',
    forbiddenText: '您的角色没有访问此页面的权限。',
    notFoundTitle: '页面不存在',
    notFoundText: '您访问的页面不存在或已被移除。',
    backHome: '返回首页',
  },
}
