// 我的待办 (GET /workbench `todos`)
export default {
  title: '我的待办',
  empty: '暂无待办事项',
  kinds: {
    project: '项目期限',
    routing: '待接收的分派',
    factor_request: '要素需求',
    supervision: '督办事项',
    follow_up: '跟进汇报',
  },
  tags: {
    project: '项目',
    routing: '分派',
    factor_request: '要素',
    supervision: '督办',
    follow_up: '跟进',
  },
  followUps: {
    lead_response: '新线索首次跟进',
    progress_report: '定期进展汇报',
  },
  supervisionReplied: '已反馈，待审核',
  priorities: {
    normal: '一般',
    urgent: '紧急',
    critical: '特急',
  },
  deadline: '{date} 前',
  noDeadline: '无期限',
  more: '仅显示前 {shown} 条，共 {total} 条',
  seeAll: '查看全部',
  park: '园区：{park}',
  routingFilter: '仅看该项目的分派',
}
