#pragma once
// Every action code the server writes to the audit log, with the kind of object it names and
// its Chinese name (the audit export words it; the web words it from its locales, and a web
// test holds both to the table docs/api.md keeps equal to this list). The one place: a module
// that audits a new action adds it here, or the API tests fail on the unregistered row.
#include <string>
#include <string_view>
#include <vector>

namespace zhaoshang::audit {

// Accounts and security (logins, users, the org tree, the audit log itself) or business data.
enum class ActionGroup { kAccount, kBusiness };
std::string_view ActionGroupName(ActionGroup g);

struct ActionInfo {
  std::string_view code;         // "project.transition"
  std::string_view object_type;  // "project"
  ActionGroup group;
  std::string_view name_zh;  // 阶段变更
};

// In the order the audit filter offers them: accounts first, then business by module.
const std::vector<ActionInfo>& Actions();
const ActionInfo* FindAction(std::string_view code);
// The object types the actions name, each once, in the order of Actions().
std::vector<std::string> ObjectTypes();

}  // namespace zhaoshang::audit
