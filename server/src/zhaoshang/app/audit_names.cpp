#include "zhaoshang/app/audit_names.hpp"

#include "zhaoshang/catalog/catalog_store.hpp"
#include "zhaoshang/factors/factors_store.hpp"
#include "zhaoshang/guide/guide_store.hpp"
#include "zhaoshang/matching/park_store.hpp"
#include "zhaoshang/org/org_store.hpp"
#include "zhaoshang/pipeline/pipeline_store.hpp"
#include "zhaoshang/policies/policies_store.hpp"
#include "zhaoshang/review/review_store.hpp"
#include "zhaoshang/supervision/supervision_store.hpp"
#include "zhaoshang/training/training_store.hpp"

namespace zhaoshang {

void RegisterAuditNames(audit::AuditService& audit) {
  audit.AddNamer("user", org::store::UserNames);
  audit.AddNamer("org_unit", org::store::UnitNames);
  audit.AddNamer("park", org::store::UnitNames);  // a park profile is its unit's
  audit.AddNamer("project", pipeline::store::ProjectNames);
  audit.AddNamer("park_carrier", matching::store::CarrierNames);
  audit.AddNamer("review_panel", review::store::PanelNames);
  audit.AddNamer("review_round", review::store::RoundTitles);
  audit.AddNamer("leading_industry", catalog::store::LeadingNames);
  audit.AddNamer("chain_node", catalog::store::NodeNames);
  audit.AddNamer("factor_request", factors::store::RequestNames);
  audit.AddNamer("supervision_item", supervision::store::ItemTitles);
  audit.AddNamer("policy", policies::store::Titles);
  audit.AddNamer("guide_article", guide::store::ArticleTitles);
  audit.AddNamer("guide_question", guide::store::QuestionTitles);
  audit.AddNamer("training_course", training::store::CourseTitles);
  audit.AddNamer("training_question", training::store::QuestionStems);
  audit.AddNamer("training_session", training::store::SessionNames);
  audit.AddNamer("training_attempt", training::store::AttemptNames);
}

}  // namespace zhaoshang
