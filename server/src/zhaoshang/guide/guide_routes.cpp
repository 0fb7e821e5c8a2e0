// Routes: the stage checklists (read, keep) and a project's checklist (read, tick, untick).
#include "zhaoshang/guide/guide_routes.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "zhaoshang/app/render.hpp"
#include "zhaoshang/core/json_input.hpp"
#include "zhaoshang/guide/checklist_rules.hpp"
#include "zhaoshang/guide/checklist_service.hpp"
#include "zhaoshang/pipeline/pipeline_permissions.hpp"

namespace zhaoshang::guide {
namespace json = boost::json;
using http::ErrorResponse;
using http::JsonResponse;

namespace {
struct Deps {
  ChecklistService& checklists;
};

json::object ItemJson(const ChecklistItem& it) {
  return {
      {"id", it.id},
      {"stage", it.stage},
      {"title", it.title},
      {"detail", it.detail},
      {"evidence_kind", it.evidence_kind ? json::value(*it.evidence_kind) : json::value(nullptr)},
      {"required", it.required}};
}

json::object StagesJson(const std::map<std::string, std::vector<ChecklistItem>>& all) {
  json::object stages;
  for (auto s : kChecklistStages) {
    json::array items;
    if (auto it = all.find(std::string(s)); it != all.end())
      for (const auto& x : it->second) items.push_back(ItemJson(x));
    stages[s] = std::move(items);
  }
  return stages;
}

http::Response ProjectJson(const Result<ProjectChecklist>& r) {
  if (!r) return ErrorResponse(r.error());
  json::array items;
  for (const auto& p : r->items) {
    json::object o = ItemJson(p.item);
    o["ticked"] = p.tick.has_value();
    o["ticked_by_name"] = p.tick ? json::value(p.tick->by_name) : json::value(nullptr);
    o["ticked_at"] = p.tick ? json::value(p.tick->at) : json::value(nullptr);
    o["note"] = p.tick ? p.tick->note : "";
    o["evidence_held"] = p.evidence_held;
    items.push_back(std::move(o));
  }
  return JsonResponse(200, json::object{{"stage", r->stage},
                                        {"items", std::move(items)},
                                        {"capabilities", json::object{{"tick", r->may_tick}}}});
}

http::Response All(const Deps& d, RequestContext&) {
  return JsonResponse(200, json::object{{"stages", StagesJson(d.checklists.All())},
                                        {"max_items", kMaxItemsPerStage}});
}

// {"items":[{"id"?,"title","detail"?,"evidence_kind"?,"required"?}]}: the stage's whole list.
http::Response SaveStage(const Deps& d, RequestContext& ctx) {
  const std::string stage = ctx.params.at(0);
  auto in = JsonInput::Parse(ctx.req.body);
  if (!in) return ErrorResponse(in.error());
  in->Mark("items");
  std::vector<ChecklistItem> items;
  const auto* raw = in->raw().if_contains("items");
  if (!raw || !raw->is_array()) {
    in->AddError("items", raw ? "wrong_type" : "required");
  } else if (raw->as_array().size() > kMaxItemsPerStage) {
    in->AddError("items", "too_many");
  } else {
    size_t i = 0;
    for (const auto& x : raw->as_array()) {
      const std::string at = "items." + std::to_string(i++) + ".";
      if (!x.is_object()) {
        in->AddError(at.substr(0, at.size() - 1), "wrong_type");
        continue;
      }
      JsonInput xi = JsonInput::FromObject(x.as_object());
      ChecklistItem it;
      it.id = xi.Int("id", false).value_or(0);
      it.title = xi.String("title", true, kMaxTitleChars + 1).value_or("");
      // "  a  " and "a" are one title.
      while (!it.title.empty() && it.title.back() == ' ') it.title.pop_back();
      while (!it.title.empty() && it.title.front() == ' ') it.title.erase(0, 1);
      if (it.title.empty()) xi.AddError("title", "required");
      it.detail = xi.Text("detail", false, kMaxDetailChars + 1).value_or("");
      if (xi.IsNull("evidence_kind"))
        xi.Mark("evidence_kind");
      else
        it.evidence_kind = xi.String("evidence_kind", false, 40);
      it.required = xi.Bool("required", false).value_or(false);
      if (auto st = xi.Finish(); !st)
        for (const auto& [k, v] : st.error().fields) in->AddError(at + k, v);
      items.push_back(std::move(it));
    }
  }
  if (auto st = in->Finish(); !st) return ErrorResponse(st.error());
  auto r = d.checklists.SaveStage(stage, std::move(items), ctx.Actor());
  if (!r) return ErrorResponse(r.error());
  return All(d, ctx);
}

http::Response OfProject(const Deps& d, RequestContext& ctx) {
  auto id = ctx.IdParam(0);
  if (!id) return ErrorResponse(NotFound("project not found"));
  return ProjectJson(d.checklists.OfProject(*ctx.principal, *id));
}

http::Response TickItem(const Deps& d, RequestContext& ctx) {
  auto id = ctx.IdParam(0);
  auto item = ctx.IdParam(1);
  if (!id || !item) return ErrorResponse(NotFound("not found"));
  std::string note;
  if (!ctx.req.body.empty()) {
    auto in = JsonInput::Parse(ctx.req.body);
    if (!in) return ErrorResponse(in.error());
    note = in->String("note", false, kMaxNoteChars + 1).value_or("");
    if (auto st = in->Finish(); !st) return ErrorResponse(st.error());
  }
  return ProjectJson(d.checklists.Tick(*ctx.principal, *id, *item, std::move(note), ctx.Actor()));
}

http::Response UntickItem(const Deps& d, RequestContext& ctx) {
  auto id = ctx.IdParam(0);
  auto item = ctx.IdParam(1);
  if (!id || !item) return ErrorResponse(NotFound("not found"));
  return ProjectJson(d.checklists.Untick(*ctx.principal, *id, *item, ctx.Actor()));
}
}  // namespace

void RegisterGuideRoutes(AppRouter& r, ChecklistService& checklists) {
  auto with = BindTo(Deps{checklists});
  r.Add("GET", "/api/v1/checklists", pipeline::perm::kProjectRead, with(All));
  r.Add("PUT", "/api/v1/checklists/{stage}", pipeline::perm::kPipelineSettings, with(SaveStage));
  r.Add("GET", "/api/v1/projects/{id}/checklist", pipeline::perm::kProjectRead, with(OfProject));
  r.Add("POST", "/api/v1/projects/{id}/checklist/{item}/tick", pipeline::perm::kProjectWrite,
        with(TickItem));
  r.Add("DELETE", "/api/v1/projects/{id}/checklist/{item}/tick", pipeline::perm::kProjectWrite,
        with(UntickItem));
}

}  // namespace zhaoshang::guide
