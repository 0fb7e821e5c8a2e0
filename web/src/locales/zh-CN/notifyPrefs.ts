// 通知设置 on 个人中心 (GET/PUT /notifications/preferences): every kind of notification in words.
// The robots' delivery log names its messages with the same words.
export default {
  title: '通知设置',
  explain: '选择哪些事项发送站内通知给您。关闭后，这类事项不再进入您的站内通知（单位群机器人照常推送）。',
  save: '保存设置',
  reset: '撤销修改',
  saved: '通知设置已保存',
  nothingChanged: '没有修改',
  unsaved: '未保存',
  loadFailed: '无法读取通知设置',
  on: '接收',
  off: '不接收',
  groups: {
    factors: '要素保障',
    supervision: '督办',
    clocks: '超期与提醒',
    other: '其他',
  },
  kinds: {
    factor_raised: { label: '新的要素需求', hint: '有项目向本部门提出要素保障需求时' },
    factor_passed_on: { label: '要素需求转来办理', hint: '其他部门把要素需求转给本部门时' },
    factor_unresolvable: { label: '要素需求无法解决', hint: '部门申报无法解决、需要统筹协调时（投促局）' },
    factor_resolved: { label: '要素需求已办结', hint: '您提出的要素需求办结时' },
    supervision_issued: { label: '收到督办', hint: '本单位收到督办事项时' },
    supervision_replied: { label: '督办已反馈', hint: '您发起的督办事项收到反馈时' },
    supervision_reopened: { label: '重新督办', hint: '本单位的督办事项被重新督办时' },
    overdue: { label: '事项已超期', hint: '您负责的项目、分派、要素需求或督办超过期限时' },
    escalated: { label: '超期上报', hint: '超期事项逐级上报到您（单位负责人、统筹部门、分管领导）时' },
    lead_on_agenda: { label: '线索列入预审议程', hint: '您报送的线索超期未研判、被列入预审会议程时' },
    digest: { label: '每日待办摘要', hint: '每天早上汇总您即将到期和已超期的待办' },
  },
  otherKind: '其他通知（{kind}）',
}
