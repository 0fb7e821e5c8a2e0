// The demo city's training (应知应会), led by the party school: the basic course every promoter
// takes (the process from lead to production, the rules of counting) and the leading industry's
// course, each with its question bank and quiz; a past session with its attendance, an upcoming
// one with seats per unit, and two promoters who have passed the basic course.
#include <string>
#include <vector>

#include "zhaoshang/app/app.hpp"
#include "zhaoshang/app/demo_projects.hpp"
#include "zhaoshang/core/date.hpp"
#include "zhaoshang/guide/guide_types.hpp"
#include "zhaoshang/org/org_store.hpp"
#include "zhaoshang/training/training_store.hpp"

namespace zhaoshang {

namespace {
struct DemoQuestion {
  training::QuestionKind kind;
  const char* stem;
  std::vector<std::pair<const char*, bool>> options;  // text, right
  const char* explanation;
};

using K = training::QuestionKind;
constexpr int64_t kMinuteMs = 60'000, kDayMs = 86'400'000;

const std::vector<DemoQuestion>& BasicBank() {
  static const std::vector<DemoQuestion> k = {
      {K::kSingle,
       "获得一条有效招商线索后，应在多长时间内录入系统？",
       {{"24 小时内", true}, {"3 个工作日内", false}, {"一周内", false}, {"签约前录入即可", false}},
       "线索先录先得，24 小时内录入系统，首报人以系统时间为准。"},
      {K::kSingle,
       "统一社会信用代码有几位？",
       {{"15 位", false}, {"18 位", true}, {"20 位", false}, {"9 位", false}},
       "统一社会信用代码为 18 位，最后一位为校验码，系统录入时自动校验。"},
      {K::kTrueFalse,
       "同一投资方已被他人报送时，系统会提示疑似重复，可以选择作为协同招商人加入。",
       {{"正确", true}, {"错误", false}},
       "系统按名称和信用代码比对，命中后可申请作为协同人加入，由服务端重新核验。"},
      {K::kMultiple,
       "以下哪些材料属于项目预审前应收集的佐证材料？",
       {{"投资方营业执照", true},
        {"近两年财务报表", true},
        {"项目投资意向书", true},
        {"招商人员个人简历", false}},
       "预审看投资方主体资格、实力和意向，个人简历与项目无关。"},
      {K::kSingle,
       "项目投资额达到多少时，线索研判时限为 7 个工作日？",
       {{"5000 万元", false}, {"1 亿元", false}, {"5 亿元", true}, {"10 亿元", false}},
       "一般线索 3 个工作日内研判，5 亿元及以上项目放宽至 7 个工作日。"},
      {K::kTrueFalse,
       "到位资金可以超过合同投资额，无需任何确认。",
       {{"正确", false}, {"错误", true}},
       "到位资金累计超过合同（或总）投资额，须经投促局确认。"},
      {K::kMultiple,
       "不重复统计原则包括哪些？",
       {{"一个项目只在首次签约时计一次", true},
        {"增资扩产只计增量部分", true},
        {"市内搬迁不计新引进项目", true},
        {"各单位可各自全额计入", false}},
       "考核按记录的事实计分：一个项目一次计分，增资只计增量，市内搬迁不算新引进。"},
      {K::kSingle,
       "园区对分派来的项目不接收时，应当怎样做？",
       {{"直接忽略", false},
        {"在时限内退回并写明理由", true},
        {"转给其他园区", false},
        {"电话告知即可", false}},
       "分派须在时限内接收或退回，退回须选理由代码，由投促局重新分派。"},
      {K::kTrueFalse,
       "要素保障申请由项目责任方发起，交给对应的职能部门办理。",
       {{"正确", true}, {"错误", false}},
       "用地、规划、用电等要素需求按类型交对应部门，部门可说明理由后转办。"},
      {K::kMultiple,
       "首次洽谈前应做好哪些准备？",
       {{"查阅企业工商和涉诉信息", true},
        {"了解本地可对接的园区载体", true},
        {"准备适用政策清单", true},
        {"先承诺最高补贴标准", false}},
       "见面前做好企业背调、载体和政策准备；政策兑现以文件为准，不得擅自承诺。"},
      {K::kSingle,
       "督办事项逾期未回复，系统会怎样处理？",
       {{"自动关闭", false},
        {"逐级上报到单位负责人和投促局", true},
        {"删除记录", false},
        {"不做处理", false}},
       "逾期事项按层级自动上报，每一步记录在时间线和审计日志中。"},
      {K::kTrueFalse,
       "项目进入洽谈和建设阶段后，需要定期报告进展。",
       {{"正确", true}, {"错误", false}},
       "洽谈和建设阶段的项目按时限表定期报告进展，逾期会提醒。"},
  };
  return k;
}

const std::vector<DemoQuestion>& EvBank() {
  static const std::vector<DemoQuestion> k = {
      {K::kSingle,
       "本市新能源汽车产业链中，哪个环节目前是本地空白、优先补链？",
       {{"整车", false}, {"电池正极材料", true}, {"线束", false}, {"充电桩运营", false}},
       "见《新能源汽车产业链招商图谱》：正极、电解液等电池材料本地空白。"},
      {K::kMultiple,
       "围绕整车基地强链的方向有哪些？",
       {{"电驱总成", true}, {"热管理", true}, {"低端整车组装", false}, {"功率模块", true}},
       "强链围绕整车基地 50 公里配套半径；单纯组装的低端整车项目是红线。"},
      {K::kTrueFalse,
       "电池项目须符合能耗双控要求，先做节能审查。",
       {{"正确", true}, {"错误", false}},
       "电池项目能耗较高，节能审查是前置条件。"},
      {K::kSingle,
       "获取新能源汽车招商线索的有效途径是？",
       {{"盯住龙头企业的一级供应商名单", true},
        {"只等企业上门", false},
        {"只看网络广告", false},
        {"只跑本地企业", false}},
       "一企一档跟踪龙头供应商，是产业链招商的基本方法。"},
      {K::kMultiple,
       "动力电池产业链上游材料包括哪些？",
       {{"正极材料", true}, {"负极材料", true}, {"电解液", true}, {"车载娱乐系统", false}},
       "正负极、电解液、隔膜是电池四大主材。"},
      {K::kTrueFalse,
       "动力电池回收利用属于延链方向，可与化工新材料园区协同。",
       {{"正确", true}, {"错误", false}},
       "回收利用延伸产业链，与化工新材料园区的原料和工艺协同。"},
      {K::kSingle,
       "新能源汽车产业对应的国民经济行业分类（GB/T 4754）代码是？",
       {{"3612", true}, {"2614", false}, {"6510", false}, {"4411", false}},
       "3612 为新能源车整车制造；2614 为有机化学原料制造。"},
      {K::kTrueFalse,
       "长三角同类园区用地受限、需要扩产的企业是重点关注对象。",
       {{"正确", true}, {"错误", false}},
       "外溢项目是承接产业转移的主要来源。"},
  };
  return k;
}

std::vector<training::Question> Bank(const std::vector<DemoQuestion>& d) {
  std::vector<training::Question> out;
  for (const auto& x : d) {
    training::Question q;
    q.kind = x.kind;
    q.stem = x.stem;
    q.explanation = x.explanation;
    q.points = x.kind == K::kMultiple ? 2 : 1;
    for (const auto& [text, right] : x.options) q.options.push_back({0, text, right});
    out.push_back(std::move(q));
  }
  return out;
}

// The right answers to a paper (the demo's passes).
std::vector<training::Answer> RightAnswers(const std::vector<training::Question>& paper) {
  std::vector<training::Answer> out;
  for (const auto& q : paper) {
    training::Answer a{q.id, {}};
    for (const auto& o : q.options)
      if (o.correct) a.chosen.push_back(o.id);
    out.push_back(std::move(a));
  }
  return out;
}
}  // namespace

void LoadDemoTraining(App& app) {
  const Actor actor{0, "demo-loader", "", "cli", "demo"};
  const int64_t now = app.clock().NowMs();
  const auth::Principal trainer = DemoPrincipal(app, "trainer");
  // The guide's technique articles the basic course builds on, the chain map the industry's.
  std::vector<int64_t> techniques, chain;
  {
    guide::ArticleQuery q;
    int64_t total = 0;
    for (const auto& v : Must(app.articles().List(trainer, q, &total), "guide articles")) {
      if (v.article.category == "technique") techniques.push_back(v.article.id);
      if (v.article.title == "新能源汽车产业链招商图谱") chain.push_back(v.article.id);
    }
  }
  training::Course basic;
  basic.title = "招商引资应知应会（基础）";
  basic.summary = "从线索到投产的全流程、各环节责任和不重复统计规则，每位招商人员必修。";
  basic.outline =
      "## 课程目标\n\n"
      "知道一条线索从录入到投产要经过哪些环节、每个环节谁负责、要留下哪些记录。\n\n"
      "## 内容\n\n"
      "1. 线索录入与查重：24 小时内录入，信用代码校验，疑似重复时如何协同\n"
      "2. 预审专班与园区匹配：报什么材料、怎么看匹配度\n"
      "3. 分派与接收：时限、退回理由\n"
      "4. 要素保障与督办：谁发起、谁办理、逾期怎么办\n"
      "5. 考核计分：一次计分、增资计增量、市内搬迁不计\n\n"
      "## 考核\n\n"
      "在线测验 60 分及格，可考 3 次，及格后可打印结业证书。\n";
  basic.article_ids = techniques;
  basic.quiz.pass_pct = 60;
  basic.quiz.max_attempts = 3;
  basic.quiz.time_limit_min = 30;
  auto b = Must(app.courses().Create(trainer, basic, actor), basic.title.c_str());
  for (auto& q : Bank(BasicBank()))
    Must(app.courses().AddQuestion(trainer, b.course.id, q, actor), "basic question");

  training::Course ev;
  ev.title = "新能源汽车产业链招商实务";
  ev.summary = "首位产业的链条、补链强链延链方向和找线索的方法。";
  ev.outline =
      "## 课程目标\n\n能说清本市新能源汽车产业链的长板和短板，知道招什么、去哪找。\n\n"
      "## 内容\n\n1. 产业链全景与本地基础\n2. 补链、强链、延链的重点目标\n"
      "3. 线索来源：龙头供应商、展会、协会、外溢项目\n4. 红线与能耗要求\n";
  ev.article_ids = chain;
  ev.quiz.pass_pct = 70;
  ev.quiz.max_attempts = 2;
  ev.quiz.question_count = 6;
  ev.quiz.partial = training::PartialRule::kStrict;
  auto e = Must(app.courses().Create(trainer, ev, actor), ev.title.c_str());
  for (auto& q : Bank(EvBank()))
    Must(app.courses().AddQuestion(trainer, e.course.id, q, actor), "EV question");

  // A past session of the basic course (three weeks ago, 14:30–17:30 China time) with its
  // attendance: a fact of the past, written as it was recorded then.
  auto c = app.db().Acquire();
  const int64_t day = LocalDayStartMs(AddDays(LocalDateOfMs(now), -21));
  training::Session past;
  past.course_id = b.course.id;
  past.starts_at = day + (14 * 60 + 30) * kMinuteMs;
  past.ends_at = day + (17 * 60 + 30) * kMinuteMs;
  past.place = "市委党校 302 教室";
  past.trainer = "孙丽";
  past.capacity = 40;
  {
    db::Transaction tx(*c, true);
    past.id = training::store::InsertSession(*c, past, trainer.user_id, past.starts_at - kDayMs);
    const std::vector<std::pair<const char*, bool>> who = {
        {"promoter", true},    {"yxpromoter", true}, {"dgpromoter", true},
        {"jkpromoter", false}, {"receiver", true},   {"unithead", true}};
    for (const auto& [login, came] : who) {
      auto u = org::store::FindUserByLogin(*c, login);
      if (!u) continue;
      training::Enrolment en;
      en.session_id = past.id;
      en.user_id = u->id;
      en.seat_unit_id = u->unit_id;
      en.enrolled_at = past.starts_at - 3 * kDayMs;
      en.enrolled_by = u->id;
      if (came) {
        en.attended_at = past.starts_at + 5 * kMinuteMs;
        en.via = "qr";
      }
      training::store::InsertEnrolment(*c, en);
    }
    tx.Commit();
  }
  // The industry course in two weeks, with seats per unit.
  training::Session next;
  const int64_t in_two_weeks = LocalDayStartMs(AddDays(LocalDateOfMs(now), 14));
  next.starts_at = in_two_weeks + kMinuteMs * 9 * 60;
  next.ends_at = in_two_weeks + kMinuteMs * 12 * 60;
  next.place = "市投资促进局 5 楼会议室";
  next.trainer = "孙丽";
  next.capacity = 30;
  for (const char* code : {"AQ-TCJ", "AQ-YX", "AQ-JKQ"}) {
    for (const auto& u : app.org().ListUnits())
      if (u.code == code) next.quotas.push_back({u.id, "", 10, 0});
  }
  auto s = Must(app.sessions().Create(trainer, e.course.id, next, actor), "upcoming session");
  Must(app.sessions().Enrol(DemoPrincipal(app, "yxpromoter"), s.session.id, 0, actor), "enrolment");
  // Two promoters took the basic quiz after the session and passed.
  for (const char* login : {"yxpromoter", "dgpromoter"}) {
    const auth::Principal p = DemoPrincipal(app, login);
    bool resumed = false;
    auto at = Must(app.courses().Start(p, b.course.id, actor, &resumed), "demo attempt");
    Must(app.courses().Submit(p, at.attempt.id, RightAnswers(at.attempt.paper), actor),
         "demo hand-in");
  }
}

}  // namespace zhaoshang
