#include "zhaoshang/audit/audit_actions.hpp"

#include <algorithm>

namespace zhaoshang::audit {

std::string_view ActionGroupName(ActionGroup g) {
  return g == ActionGroup::kAccount ? "account" : "business";
}

const std::vector<ActionInfo>& Actions() {
  using G = ActionGroup;
  static const std::vector<ActionInfo> k = {
      {"auth.login", "user", G::kAccount, "登录"},
      {"auth.login_failed", "user", G::kAccount, "登录失败"},
      {"auth.login_locked", "user", G::kAccount, "登录被锁定"},
      {"auth.admin_locked", "user", G::kAccount, "管理员账号被锁定"},
      {"auth.logout", "user", G::kAccount, "退出登录"},
      {"auth.password_change", "user", G::kAccount, "修改密码"},
      {"user.create", "user", G::kAccount, "新建用户"},
      {"user.update", "user", G::kAccount, "修改用户"},
      {"user.roles", "user", G::kAccount, "分配角色"},
      {"user.password_reset", "user", G::kAccount, "重置密码"},
      {"org.unit_create", "org_unit", G::kAccount, "新建单位"},
      {"org.unit_update", "org_unit", G::kAccount, "修改单位"},
      {"audit.archive", "audit_log", G::kAccount, "归档审计日志"},
      {"audit.export", "audit_log", G::kAccount, "导出审计日志"},
      {"project.create", "project", G::kBusiness, "报送线索"},
      {"project.join", "project", G::kBusiness, "加入协同招商"},
      {"project.update", "project", G::kBusiness, "修改项目"},
      {"project.transition", "project", G::kBusiness, "阶段变更"},
      {"project.activity", "project", G::kBusiness, "记录跟进"},
      {"project.adjudicate", "project", G::kBusiness, "裁定首报"},
      {"project.export", "project", G::kBusiness, "导出台账"},
      {"project.route", "project", G::kBusiness, "分派园区"},
      {"project.routing_accepted", "project", G::kBusiness, "园区接收"},
      {"project.routing_declined", "project", G::kBusiness, "园区退回"},
      {"project.routing_withdrawn", "project", G::kBusiness, "撤回分派"},
      {"pipeline.settings", "settings", G::kBusiness, "修改阶段期限"},
      {"attachment.upload", "project", G::kBusiness, "上传佐证材料"},
      {"project.checklist_tick", "project", G::kBusiness, "勾选阶段清单"},
      {"project.checklist_untick", "project", G::kBusiness, "取消勾选阶段清单"},
      {"guide.article_create", "guide_article", G::kBusiness, "新增指南文章"},
      {"guide.article_update", "guide_article", G::kBusiness, "修改指南文章"},
      {"guide.checklist", "settings", G::kBusiness, "修改阶段清单"},
      {"guide.question_ask", "guide_question", G::kBusiness, "一线提问"},
      {"guide.question_answer", "guide_question", G::kBusiness, "解答提问"},
      {"guide.question_promote", "guide_question", G::kBusiness, "解答收入指南"},
      {"training.course_create", "training_course", G::kBusiness, "新建培训课程"},
      {"training.course_update", "training_course", G::kBusiness, "修改培训课程"},
      {"training.question_create", "training_question", G::kBusiness, "新增试题"},
      {"training.question_update", "training_question", G::kBusiness, "修改试题"},
      {"training.question_delete", "training_question", G::kBusiness, "删除试题"},
      {"training.session_create", "training_session", G::kBusiness, "新建培训班次"},
      {"training.session_update", "training_session", G::kBusiness, "修改培训班次"},
      {"training.enrol", "training_session", G::kBusiness, "培训报名"},
      {"training.unenrol", "training_session", G::kBusiness, "取消培训报名"},
      {"training.sign_in", "training_session", G::kBusiness, "培训签到"},
      {"training.attendance", "training_session", G::kBusiness, "登记培训出勤"},
      {"training.attempt_start", "training_attempt", G::kBusiness, "开始测验"},
      {"training.attempt_submit", "training_attempt", G::kBusiness, "提交测验"},
      {"attachment.download", "project", G::kBusiness, "下载佐证材料"},
      {"attachment.remove", "project", G::kBusiness, "删除佐证材料"},
      {"catalog.industry_create", "leading_industry", G::kBusiness, "新建首位产业"},
      {"catalog.industry_update", "leading_industry", G::kBusiness, "修改首位产业"},
      {"catalog.industry_delete", "leading_industry", G::kBusiness, "删除首位产业"},
      {"catalog.node_create", "chain_node", G::kBusiness, "新建产业链节点"},
      {"catalog.node_update", "chain_node", G::kBusiness, "修改产业链节点"},
      {"catalog.node_delete", "chain_node", G::kBusiness, "删除产业链节点"},
      {"park.profile", "park", G::kBusiness, "修改园区画像"},
      {"park.carrier_create", "park_carrier", G::kBusiness, "新增载体"},
      {"park.carrier_update", "park_carrier", G::kBusiness, "修改载体"},
      {"park.carrier_delete", "park_carrier", G::kBusiness, "删除载体"},
      {"matching.weights", "settings", G::kBusiness, "修改匹配权重"},
      {"review.panel_create", "review_panel", G::kBusiness, "新建预审专班"},
      {"review.panel_update", "review_panel", G::kBusiness, "修改预审专班"},
      {"review.criteria", "settings", G::kBusiness, "修改评审指标"},
      {"review.round_create", "review_round", G::kBusiness, "发起预审轮次"},
      {"review.sheet", "review_round", G::kBusiness, "提交评分表"},
      {"review.round_close", "review_round", G::kBusiness, "结束预审轮次"},
      {"calendar.day_update", "calendar_day", G::kBusiness, "修改工作日历"},
      {"calendar.import", "calendar", G::kBusiness, "导入工作日历"},
      {"clocks.durations_update", "settings", G::kBusiness, "修改办理时限"},
      {"factor.type_unit", "factor_type", G::kBusiness, "设置要素承办部门"},
      {"factor.raise", "factor_request", G::kBusiness, "提出要素需求"},
      {"factor.accepted", "factor_request", G::kBusiness, "受理要素需求"},
      {"factor.passed_on", "factor_request", G::kBusiness, "转办要素需求"},
      {"factor.progress", "factor_request", G::kBusiness, "记录要素进展"},
      {"factor.resolved", "factor_request", G::kBusiness, "办结要素需求"},
      {"factor.unresolvable", "factor_request", G::kBusiness, "要素需求无法解决"},
      {"factor.withdrawn", "factor_request", G::kBusiness, "撤回要素需求"},
      {"supervision.issue", "supervision_item", G::kBusiness, "发起督办"},
      {"supervision.replied", "supervision_item", G::kBusiness, "回复督办"},
      {"supervision.closed", "supervision_item", G::kBusiness, "办结督办"},
      {"supervision.reopened", "supervision_item", G::kBusiness, "重新督办"},
      {"escalation.raise", "project", G::kBusiness, "超期上报"},
      {"review.auto_agenda", "project", G::kBusiness, "超期线索列入预审议程"},
      {"notification.preferences", "user", G::kAccount, "修改通知设置"},
      {"policy.create", "policy", G::kBusiness, "新增政策"},
      {"policy.update", "policy", G::kBusiness, "修改政策"},
      {"robot.create", "robot", G::kAccount, "新增群机器人"},
      {"robot.update", "robot", G::kAccount, "修改群机器人"},
      {"robot.test", "robot", G::kAccount, "发送机器人测试消息"},
  };
  return k;
}

const ActionInfo* FindAction(std::string_view code) {
  const auto& all = Actions();
  auto it =
      std::find_if(all.begin(), all.end(), [&](const ActionInfo& a) { return a.code == code; });
  return it == all.end() ? nullptr : &*it;
}

std::vector<std::string> ObjectTypes() {
  std::vector<std::string> out;
  for (const auto& a : Actions())
    if (std::find(out.begin(), out.end(), a.object_type) == out.end())
      out.emplace_back(a.object_type);
  return out;
}

}  // namespace zhaoshang::audit
