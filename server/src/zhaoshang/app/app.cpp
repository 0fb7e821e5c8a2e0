#include "zhaoshang/app/app.hpp"
#include "zhaoshang/attachments/attachments_routes.hpp"

#include <algorithm>

#include <sodium.h>
#include <spdlog/spdlog.h>

#include "zhaoshang/app/audit_names.hpp"
#include "zhaoshang/app/system_routes.hpp"
#include "zhaoshang/app/workbench_routes.hpp"
#include "zhaoshang/audit/audit_routes.hpp"
#include "zhaoshang/audit/audit_store.hpp"
#include "zhaoshang/auth/auth_routes.hpp"
#include "zhaoshang/catalog/catalog_routes.hpp"
#include "zhaoshang/catalog/industries.hpp"
#include "zhaoshang/clocks/clocks_routes.hpp"
#include "zhaoshang/db/settings.hpp"
#include "zhaoshang/escalation/escalation_routes.hpp"
#include "zhaoshang/factors/factor_permissions.hpp"
#include "zhaoshang/factors/factors_routes.hpp"
#include "zhaoshang/guide/guide_permissions.hpp"
#include "zhaoshang/guide/guide_routes.hpp"
#include "zhaoshang/guide/qa_rules.hpp"
#include "zhaoshang/matching/matching_permissions.hpp"
#include "zhaoshang/matching/park_routes.hpp"
#include "zhaoshang/notify/notify_routes.hpp"
#include "zhaoshang/org/org_routes.hpp"
#include "zhaoshang/org/roles.hpp"
#include "zhaoshang/pipeline/pipeline_permissions.hpp"
#include "zhaoshang/pipeline/pipeline_routes.hpp"
#include "zhaoshang/policies/policies_routes.hpp"
#include "zhaoshang/policies/policy_permissions.hpp"
#include "zhaoshang/reports/audit_excel_routes.hpp"
#include "zhaoshang/reports/project_excel_routes.hpp"
#include "zhaoshang/review/review_routes.hpp"
#include "zhaoshang/search/search_routes.hpp"
#include "zhaoshang/supervision/supervision_routes.hpp"
#include "zhaoshang/training/training_routes.hpp"

namespace zhaoshang {

App::App(Config cfg, std::unique_ptr<db::Database> db, const Clock& clock)
    : cfg_(std::move(cfg)),
      db_(std::move(db)),
      clock_(clock),
      auth_(*db_, clock_,
            auth::LockoutPolicy{cfg_.lockout_failures, int64_t(cfg_.lockout_minutes) * 60000,
                                cfg_.lockout_account_failures},
            auth::SessionPolicy{int64_t(cfg_.session_idle_minutes) * 60000,
                                int64_t(cfg_.session_absolute_hours) * 3600000},
            cfg_.login_rate_per_minute),
      org_(*db_, clock_),
      catalog_(*db_, clock_),
      clocks_(*db_, clock_),
      projects_(*db_, clock_, clocks_),
      workflow_(*db_, clock_, clocks_),
      routing_(*db_, clock_, clocks_, workflow_),
      parks_(*db_, clock_),
      review_(*db_, clock_, workflow_, parks_),
      factors_(*db_, clock_, clocks_, projects_),
      attachments_(*db_, clock_, cfg_.attachment_limit),
      policies_(*db_, clock_, projects_),
      checklists_(*db_, clock_),
      articles_(*db_, clock_),
      questions_(*db_, clock_, articles_),
      search_(*db_),
      courses_(*db_, clock_),
      sessions_(*db_, clock_),
      notify_(*db_, clock_),
      supervision_(*db_, clock_, clocks_, projects_, factors_),
      escalation_(*db_, clock_, clocks_, workflow_),
      audit_(*db_, audit::KeySource{cfg_.audit_key, cfg_.audit_key_file}, AnchorFileFor(cfg_)) {
  cfg_.audit_anchor_file = AnchorFileFor(cfg_);
  RegisterSystemRoutes(router_, demo_, cfg_);
  RegisterAuthRoutes(router_, auth_, cfg_.secure_cookie);
  RegisterOrgRoutes(router_, org_);
  RegisterAuditRoutes(router_, audit_);
  RegisterAuditNames(audit_);
  RegisterAuditExcelRoutes(router_, audit_, clocks_, clock_);
  RegisterCatalogRoutes(router_, catalog_);
  RegisterClocksRoutes(router_, clocks_);
  RegisterProjectExcelRoutes(router_, projects_, clocks_);  // fixed paths before /projects/{id}
  RegisterPipelineRoutes(router_, projects_, workflow_, clocks_);
  RegisterMatchingRoutes(router_, parks_, projects_);
  RegisterRoutingRoutes(router_, routing_, projects_, parks_, clocks_);
  RegisterReviewRoutes(router_, review_);
  RegisterFactorRoutes(router_, factors_, clocks_);
  // Who may read, attach and remove is the owning module's answer.
  attachments::RegisterAttachmentRoutes(
      router_, attachments_,
      {{[this](const auth::Principal& who, int64_t id) -> Result<attachments::Access> {
          auto v = projects_.Get(who, id);
          if (!v) return Fail(v.error());
          return attachments::Access{v->capabilities.attach, v->capabilities.manage_files,
                                     v->project.stage};
        },
        pipeline::perm::kProjectRead, pipeline::perm::kProjectWrite},
       {[this](const auth::Principal& who, int64_t id) -> Result<attachments::Access> {
          auto r = factors_.Get(who, id);
          if (!r) return Fail(r.error());
          const auto& k = r->request.capabilities;
          return attachments::Access{k.attach, k.manage_files, ""};
        },
        // The parties to a request attach: the requester, the department, the coordinator.
        factors::perm::kFactorRead, factors::perm::kFactorRead}});
  RegisterNotifyRoutes(router_, notify_);
  policies::RegisterPolicyRoutes(router_, policies_);
  // Who reads a project is the pipeline's answer: the checklist ticks and the questions asked
  // from a project follow it.
  const guide::ProjectAccessFn project_access = [this](const auth::Principal& who,
                                                       int64_t id) -> Result<guide::ProjectAccess> {
    auto v = projects_.Get(who, id);
    if (!v) return Fail(v.error());
    // Those who attach its evidence tick its checklist: the project's parties.
    return guide::ProjectAccess{v->capabilities.attach, v->project.stage};
  };
  checklists_.SetProjectAccess(project_access);
  questions_.SetProjectAccess(project_access);
  guide::RegisterGuideRoutes(router_, checklists_, articles_, questions_);
  // What the guide's one search box finds, and who may read each kind.
  search_.AddKind(
      {guide::kArticleSearchKind, guide::perm::kGuideRead, guide::ArticleService::SearchDocs});
  search_.AddKind({policies::kPolicySearchKind, policies::perm::kPolicyRead,
                   policies::PolicyService::SearchDocs});
  search_.AddKind(
      {matching::kParkSearchKind, matching::perm::kParkRead, matching::ParkService::SearchDocs});
  search_.AddKind({guide::kQaSearchKind, guide::perm::kGuideRead, guide::QaService::SearchDocs});
  search::RegisterSearchRoutes(router_, search_, guide::perm::kGuideRead);
  training::RegisterTrainingRoutes(router_, courses_, sessions_);
  RegisterSupervisionRoutes(router_, supervision_, clocks_);
  RegisterEscalationRoutes(router_, escalation_);
  RegisterWorkbenchRoutes(router_, org_, review_,
                          TodoSources{projects_, routing_, factors_, supervision_, clocks_});
  {
    auto c = db_->Acquire();
    catalog::SeedIndustries(*c);  // reference data: loaded once into an empty table
    clocks::ClockService::SeedOfficial(*c, clock_.NowMs());
    may_anchor_first_ = !audit::store::EverWritten(*c);
  }
  search_.FillEmptyKinds();  // an index added after the things it finds
  RefreshDemoFlag();
}

App::~App() = default;

void App::RefreshDemoFlag() {
  auto c = db_->Acquire();
  demo_ = db::GetSetting(*c, kDemoSetting).value_or("") == "1";
}

bool App::Ready() {
  try {
    auto c = db_->Acquire();
    db::Ping(*c);
    return true;
  } catch (const std::exception&) {
    return false;
  }
}

http::Response App::Handle(const http::Request& req) {
  http::Response r;
  try {
    r = Dispatch(req);
  } catch (const std::exception& e) {
    spdlog::error("request {} {} {} failed: {}", req.request_id, req.method, req.path, e.what());
    r = http::ErrorResponse(Error{ErrorCode::kInternal, "internal",
                                  "internal error; quote request id " + req.request_id});
  }
  const bool has_cache_control = std::any_of(
      r.headers.begin(), r.headers.end(), [](const auto& h) { return h.first == "Cache-Control"; });
  if (!has_cache_control) r.headers.emplace_back("Cache-Control", "no-store");
  return r;
}

http::Response App::Dispatch(const http::Request& req) {
  http::Match m = router_.Find(req.method, req.path);
  if (m.route_index < 0) {
    if (m.path_known) {
      http::Response r = http::ErrorResponse(
          Error{ErrorCode::kMethodNotAllowed, "method_not_allowed", "method not allowed"});
      r.headers.emplace_back("Allow", router_.AllowedMethods(req.path));
      return r;
    }
    return http::ErrorResponse(NotFound("no such route"));
  }
  const auto& route = router_.routes()[m.route_index];
  const bool writes = req.method != "GET" && req.method != "HEAD";
  if (!req.body.empty() && !route.raw_body &&
      http::MediaType(req.Header("content-type")) != "application/json")
    return http::ErrorResponse(Error{ErrorCode::kUnsupportedMediaType, "unsupported_media_type",
                                     "request body must be application/json"});
  RequestContext ctx{req, std::nullopt, std::move(m.params), {}};
  if (route.permission != http::kPublic) {
    // A request the client marks as a background poll (`X-Background: 1`) does not restart the
    // idle clock: the mark can only shorten the caller's own session.
    ctx.principal = auth_.Authenticate(req.Cookie(auth::SessionCookieName(cfg_.secure_cookie)),
                                       req.Header("x-background") != "1");
    if (!ctx.principal)
      return http::ErrorResponse(
          Error{ErrorCode::kUnauthenticated, "unauthenticated", "please log in"});
    // After an administrator's reset the account only reaches its own password routes.
    if (ctx.principal->must_change_password && route.permission != http::kSelfService)
      return http::ErrorResponse(
          Error{ErrorCode::kForbidden, "password_change_required", "choose a new password first"});
    if (writes) {
      const std::string sent = req.Header("x-csrf-token");
      const std::string& want = ctx.principal->csrf_token;
      if (sent.size() != want.size() || sodium_memcmp(sent.data(), want.data(), want.size()) != 0)
        return http::ErrorResponse(
            Error{ErrorCode::kForbidden, "csrf_failed", "missing or wrong CSRF token"});
    }
    if (route.permission != http::kAuthenticated && route.permission != http::kSelfService &&
        !org::ResolveScope(ctx.principal->roles, route.permission))
      return http::ErrorResponse(Forbidden("your role does not allow this"));
  }
  http::Response r = route.handler(ctx);
  for (auto& h : ctx.extra_headers) r.headers.push_back(std::move(h));
  return r;
}

}  // namespace zhaoshang
