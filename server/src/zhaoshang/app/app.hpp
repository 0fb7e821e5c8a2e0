#pragma once
// The application: services wired to one database, and the API request pipeline
// (route match → authenticate → CSRF → permission → handler → error mapping).
// It knows nothing of sockets: tests call Handle() directly.
#include <atomic>
#include <memory>
#include <string>

#include "zhaoshang/app/config.hpp"
#include "zhaoshang/app/request_context.hpp"
#include "zhaoshang/attachments/attachment_service.hpp"
#include "zhaoshang/audit/audit_service.hpp"
#include "zhaoshang/auth/auth_service.hpp"
#include "zhaoshang/catalog/catalog_service.hpp"
#include "zhaoshang/clocks/clock_service.hpp"
#include "zhaoshang/core/clock.hpp"
#include "zhaoshang/db/database.hpp"
#include "zhaoshang/escalation/escalation_service.hpp"
#include "zhaoshang/factors/factor_service.hpp"
#include "zhaoshang/guide/article_service.hpp"
#include "zhaoshang/guide/checklist_service.hpp"
#include "zhaoshang/guide/qa_service.hpp"
#include "zhaoshang/matching/park_service.hpp"
#include "zhaoshang/notify/notify_service.hpp"
#include "zhaoshang/org/org_service.hpp"
#include "zhaoshang/pipeline/project_service.hpp"
#include "zhaoshang/pipeline/routing_service.hpp"
#include "zhaoshang/pipeline/workflow_service.hpp"
#include "zhaoshang/policies/policy_service.hpp"
#include "zhaoshang/review/review_service.hpp"
#include "zhaoshang/search/search_service.hpp"
#include "zhaoshang/supervision/supervision_service.hpp"
#include "zhaoshang/training/course_service.hpp"
#include "zhaoshang/training/session_service.hpp"

namespace zhaoshang {

// The settings key saying this installation carries demo data ("1").
inline constexpr const char* kDemoSetting = "demo";

class App {
 public:
  App(Config cfg, std::unique_ptr<db::Database> db, const Clock& clock);
  ~App();

  // Handles an /api/ request. req.request_id and req.remote must be set; target parsed.
  http::Response Handle(const http::Request& req);

  const Config& config() const { return cfg_; }
  db::Database& db() { return *db_; }
  const Clock& clock() const { return clock_; }
  auth::AuthService& auth() { return auth_; }
  org::OrgService& org() { return org_; }
  catalog::CatalogService& catalog() { return catalog_; }
  clocks::ClockService& clocks() { return clocks_; }
  pipeline::ProjectService& projects() { return projects_; }
  pipeline::WorkflowService& workflow() { return workflow_; }
  pipeline::RoutingService& routing() { return routing_; }
  matching::ParkService& parks() { return parks_; }
  review::ReviewService& review() { return review_; }
  factors::FactorService& factors() { return factors_; }
  policies::PolicyService& policies() { return policies_; }
  guide::ChecklistService& checklists() { return checklists_; }
  guide::ArticleService& articles() { return articles_; }
  guide::QaService& questions() { return questions_; }
  search::SearchService& search() { return search_; }
  training::CourseService& courses() { return courses_; }
  training::SessionService& sessions() { return sessions_; }
  notify::NotifyService& notify() { return notify_; }
  supervision::SupervisionService& supervision() { return supervision_; }
  escalation::EscalationService& escalation() { return escalation_; }
  const AppRouter& router() const { return router_; }
  bool demo() const { return demo_.load(); }
  // Whether this process may anchor an audit log that has rows but no checkpoint yet: the log
  // was empty when the App opened it (every row is ours), or AllowFirstAnchor() was called
  // after migrating an installation from before the checkpoints.
  bool may_anchor_first() const { return may_anchor_first_; }
  void AllowFirstAnchor() { may_anchor_first_ = true; }
  void RefreshDemoFlag();
  bool Ready();

 private:
  http::Response Dispatch(const http::Request& req);

  Config cfg_;
  std::unique_ptr<db::Database> db_;
  const Clock& clock_;
  auth::AuthService auth_;
  org::OrgService org_;
  catalog::CatalogService catalog_;
  clocks::ClockService clocks_;
  pipeline::ProjectService projects_;
  pipeline::WorkflowService workflow_;
  pipeline::RoutingService routing_;
  matching::ParkService parks_;
  review::ReviewService review_;
  factors::FactorService factors_;
  attachments::AttachmentService attachments_;
  policies::PolicyService policies_;
  guide::ChecklistService checklists_;
  guide::ArticleService articles_;
  guide::QaService questions_;
  search::SearchService search_;
  training::CourseService courses_;
  training::SessionService sessions_;
  notify::NotifyService notify_;
  supervision::SupervisionService supervision_;
  escalation::EscalationService escalation_;
  audit::AuditService audit_;
  AppRouter router_;
  std::atomic<bool> demo_{false};
  bool may_anchor_first_ = false;
};

using http::AddSecurityHeaders;

}  // namespace zhaoshang
