#pragma once
// Types of the factors module (要素保障): a request, its events, the type → department mapping,
// the statistics row.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace zhaoshang::factors {

struct FactorCapabilities {
  bool accept = false, pass_on = false, progress = false, resolve = false, unresolvable = false,
       withdraw = false;
  bool attach = false;        // add attachments (and remove one's own): the parties to it
  bool manage_files = false;  // remove anyone's attachment: the coordinator
};

struct FactorRequest {
  int64_t id = 0, project_id = 0;
  std::string project_name;
  std::string type, need;
  std::optional<int64_t> quantity;
  int64_t department_id = 0;
  std::string department_name;
  std::string status;  // open | accepted | resolved | unresolvable | withdrawn
  int64_t raised_by = 0;
  std::string raised_by_name;
  int64_t raised_unit_id = 0;
  std::string raised_unit_name;
  int64_t raised_at = 0;
  std::string answer_deadline;
  std::optional<std::string> resolve_deadline;
  std::optional<int64_t> accepted_at, closed_at;
  std::string outcome;
  std::optional<std::string> reason_code;
  std::string reason;
  int64_t version = 1;
  FactorCapabilities capabilities;  // for the caller who loaded it
};

struct FactorEvent {
  int64_t id = 0, request_id = 0, at = 0;
  std::optional<int64_t> actor_id;
  std::string actor_name;
  std::string
      kind;  // raised | accepted | passed_on | progress | resolved | unresolvable | withdrawn
  std::string note;
  std::optional<int64_t> from_unit_id, to_unit_id;
  std::string from_unit_name, to_unit_name;
};

struct TypeUnit {
  std::string type;
  std::optional<int64_t> unit_id;
  std::string unit_name;
};

struct FactorQuery {
  std::vector<std::string> statuses;
  std::string type;
  std::optional<int64_t> department_id, project_id;
  std::optional<std::string> overdue_on;  // open past the answer deadline or accepted past the
                                          // resolve deadline, on this date
  int64_t offset = 0, limit = 20;
};

// Who may see which requests (factor.read's scope, resolved by the service).
struct FactorScope {
  enum class Kind { kAll, kUnits, kSelf } kind = Kind::kSelf;
  std::vector<int64_t> units;  // department or raising unit in these
  int64_t user_id = 0;         // kSelf: raised by this user
};

struct FactorStat {
  int64_t department_id = 0;
  std::string department_name, type;
  int64_t total = 0, open = 0, overdue = 0, resolved = 0, resolved_on_time = 0;
  std::optional<double> median_days;  // raised → resolved, working days
};

// A request past its clock (open past the answer deadline, accepted past the resolve deadline),
// for the escalation sweep.
struct OverdueRequest {
  int64_t id = 0, project_id = 0;
  std::string project_name, deadline;
  int64_t department_id = 0;
};

}  // namespace zhaoshang::factors
