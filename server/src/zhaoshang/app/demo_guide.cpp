// Demo stage checklists (阶段清单): what a promoter does in each stage and which evidence to
// collect. None is required in the demo (the coordinator may make any of them a stage guard).
#include <stdexcept>

#include "zhaoshang/app/app.hpp"
#include "zhaoshang/app/demo_projects.hpp"

namespace zhaoshang {

void LoadDemoChecklists(App& app) {
  const Actor actor{0, "demo-loader", "", "cli", "demo"};
  struct Line {
    const char* title;
    const char* detail;
    const char* kind;  // "" none
  };
  auto stage = [&](const char* code, std::initializer_list<Line> lines) {
    std::vector<guide::ChecklistItem> items;
    for (const auto& l : lines) {
      guide::ChecklistItem it;
      it.title = l.title;
      it.detail = l.detail;
      if (*l.kind) it.evidence_kind = l.kind;
      items.push_back(std::move(it));
    }
    Must(app.checklists().SaveStage(code, std::move(items), actor), code);
  };
  stage("lead", {{"核实投资方主体信息", "查验营业执照、股东背景和实际控制人，留存营业执照复印件。",
                  "business_licence"},
                 {"首次接洽并记录跟进", "1 个工作日内与投资方首次联系，在系统中记录跟进情况。", ""},
                 {"摸清项目需求", "了解用地、厂房、用电、用工等要素需求和投资节奏。", ""}});
  stage("in_review",
        {{"提交项目计划书", "含投资规模、产品方案、产能和效益测算。", "project_proposal"},
         {"提供近三年财务报表", "审计报告或财务报表，用于判断投资方实力。", "financial_statements"},
         {"准备预审汇报材料", "按预审评分指标准备一页纸项目简介。", ""}});
  stage("approved", {{"匹配意向园区", "参考园区匹配度和投资方意向，提出分派建议。", ""},
                     {"确定分派园区", "由投促局分派，园区在期限内接收或退回。", ""}});
  stage("negotiating",
        {{"组织实地考察", "陪同投资方考察园区载体，形成考察纪要。", "meeting_minutes"},
         {"开展尽职调查", "核查投资方信用、涉诉、环保和安全生产记录。", ""},
         {"协议文本法律审核", "投资协议经司法局或法律顾问审核。", ""}});
  stage("signed", {{"签订投资协议", "上传双方签章的投资协议。", "investment_agreement"},
                   {"办理项目备案或核准", "按投资项目管理规定办理备案或核准。", "project_filing"},
                   {"提出要素保障需求", "用地、用电、用水等需求在要素保障中提出。", ""}});
  stage("construction", {{"取得施工许可证", "开工前取得施工许可。", "construction_permit"},
                         {"按期报送建设进度", "每两周报送一次建设进展和存在问题。", ""}});
  stage("production", {{"投产现场核验", "拍摄投产现场照片，核验设备和产能。", "production_photo"},
                       {"纳入规上企业培育", "达到条件的纳入规上工业企业培育库。", ""}});
}

}  // namespace zhaoshang
