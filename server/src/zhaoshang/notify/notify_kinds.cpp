#include "zhaoshang/notify/notify_kinds.hpp"

namespace zhaoshang::notify {

const std::vector<KindInfo>& Kinds() {
  static const std::vector<KindInfo> k = {
      {kFactorRaised, "新的要素保障申请", true},
      {kFactorPassedOn, "要素保障申请转来办理", true},
      {kFactorUnresolvable, "要素保障申请无法解决，需统筹协调", true},
      {kFactorResolved, "要素保障申请已办结", true},
      {kSupervisionIssued, "收到督办事项", true},
      {kSupervisionReplied, "督办事项已回复", true},
      {kSupervisionReopened, "督办事项被重新督办", true},
      {kOverdue, "事项已超期", true},
      {kEscalated, "超期事项逐级上报", true},
      {kLeadOnAgenda, "超期未研判线索已列入预审议程", true},
      {kRoutingReceived, "新的分派项目待接收", true},
      {kPolicyExpiring, "政策即将到期，请做好接续", true},
      {kQaAnswered, "您的提问有了解答", true},
      {kDigest, "每日待办摘要", false},
      // A security event, not for a work group's chat.
      {kAdminLocked, "管理员账号被锁定", false},
  };
  return k;
}

const KindInfo* FindKind(std::string_view code) {
  for (const auto& k : Kinds())
    if (k.code == code) return &k;
  return nullptr;
}

std::string LinkPath(std::string_view object_type, int64_t object_id,
                     std::optional<int64_t> project_id) {
  const std::string id = std::to_string(object_id);
  if (object_type == "project") return "/projects/" + id;
  if (object_type == "factor_request") return "/factor-requests/" + id;
  if (object_type == "supervision_item") return "/supervision/" + id;
  if (object_type == "review_round") return "/review/rounds/" + id;
  if (object_type == "routing" && project_id)
    return "/routings?project_id=" + std::to_string(*project_id);
  if (object_type == "workbench") return "/workbench";
  if (object_type == "policy") return "/policies/" + id;
  if (object_type == "guide_question") return "/guide/questions/" + id;
  return project_id ? "/projects/" + std::to_string(*project_id) : "";
}

}  // namespace zhaoshang::notify
