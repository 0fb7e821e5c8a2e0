// The demo city's guide (招商指南): the leading industry's chain map (新能源汽车) and the chemical
// materials chain, how to qualify a lead, the first meeting, what investors ask, the agreement's
// key clauses, using the policies, the stages, and the park cards. Fictional firms are marked;
// one article is due for review today; one has a second version (the diff to look at).
#include <string>

#include "zhaoshang/app/app.hpp"
#include "zhaoshang/app/demo_projects.hpp"
#include "zhaoshang/catalog/catalog_store.hpp"
#include "zhaoshang/core/date.hpp"
#include "zhaoshang/org/org_store.hpp"

namespace zhaoshang {

namespace {
constexpr const char* kEvChain = R"(## 产业链全景

安庆新能源汽车产业链按“整车—核心部件—配套服务”三层组织：

| 环节 | 重点产品 | 本地基础 | 招商方向 |
|:---|:---|:---|:---|
| 整车 | 纯电、插混乘用车，专用车 | 整车基地 1 个 | 新车型产能、专用车改装 |
| 动力电池 | 电芯、PACK、储能 | 电池 PACK 项目在建 | 正负极材料、电解液、隔膜 |
| 电机电控 | 驱动电机、电控、减速器 | 配套企业 3 家 | 电驱总成、功率模块 |
| 汽车电子 | 座舱、传感器、线束 | 线束企业 2 家 | 智能座舱、车规芯片封测 |
| 充换电 | 充电桩、换电站 | 运营商 2 家 | 换电设备、运维服务 |

## 招什么

1. **补链**：电池材料（正极、电解液）本地空白，优先招引年产万吨级项目。
2. **强链**：电驱总成和热管理，围绕整车基地 50 公里配套半径。
3. **延链**：动力电池回收利用，与化工新材料园区协同。

## 怎么找

- 盯住整车和电池龙头的一级供应商名单，逐家建立“一企一档”。
- 关注长三角同类园区的外溢项目，特别是用地受限、需要扩产的企业。
- 通过行业协会和展会（如上海车展）获取线索，24 小时内录入系统。

## 红线

不招引单纯组装、无研发的低端整车项目；电池项目须符合能耗双控要求，先做节能审查。

相关政策见 [政策库](/policies)，各园区承载能力见 [园区名片](/parks)。
)";

constexpr const char* kChemChain = R"(## 产业链全景

以炼化一体化为龙头，向下游化工新材料延伸：原油加工 → 基础化工原料 → 合成材料 → 功能性新材料。

- **上游**：炼油、乙烯、芳烃（在地龙头企业 1 家）
- **中游**：有机化学原料、合成树脂、合成橡胶
- **下游**：电子化学品、高性能纤维、可降解材料

## 招什么

优先招引以本地基础原料为起点、能就地转化的下游项目；电子化学品和可降解材料为重点。

## 红线

新建化工项目只能进入认定的化工园区；不符合“三线一单”和安全距离要求的一律不引进。
)";

constexpr const char* kQualify = R"(## 一条线索值得跟进吗

收到线索后 1 个工作日内完成首次联系，并在 3 个工作日内作出判断（5 亿元以上项目 7 个工作日）。

### 看四件事

1. **主体真实**：统一社会信用代码可查，实际控制人清楚。
2. **需求明确**：用地、厂房、用电、用工的需求能说出数字。
3. **产业相符**：属于主导产业或其链上环节，不在红线目录。
4. **实力匹配**：近三年营收、利润与拟投资规模相称。

### 常见陷阱

- 只要政策、不谈投资节奏的“政策套利”项目；
- 以“圈地”为目的、容积率和亩均税收承诺偏低的项目；
- 同一投资方向多个县区同时报送（系统会提示重复报送，先联系首报人）。

判断为可跟进的，提交预审；暂不成熟的，记录原因并设定下次跟进时间。
)";

constexpr const char* kFirstMeeting = R"(## 第一次见面谈什么

**目标**：听清需求、讲清优势、约定下一步，不在第一次见面承诺政策。

### 会前准备

- 查清投资方的主营业务、近期扩产和融资情况；
- 准备 2～3 个匹配度最高的园区名片和可用载体；
- 带上可享政策清单（系统的“可享政策”页可以导出）。

### 会上

1. 先听：扩产的原因、选址的硬条件、决策人和时间表。
2. 再讲：产业配套半径、要素保障能力、同类企业落地的案例。
3. 最后约：实地考察的时间、需要对方提供的材料。

### 会后

当天在系统中记录跟进情况，写清对方的关键诉求和下一步。
)";

constexpr const char* kInvestorQuestions = R"(## 投资方常问什么，怎么答

**问：土地多久能拿到？**
答：说清本园区净地的位置和面积、招拍挂的一般周期，不承诺具体日期。

**问：电价和用电保障？**
答：介绍园区变电站容量和双回路情况，大用户可申请直购电，具体以供电公司答复为准。

**问：有哪些补贴？**
答：按“可享政策”页逐条说明条件和上限，说明政策有效期和兑现流程。

**问：招工难不难？**
答：介绍本地职业院校的专业设置和人社部门的用工服务，可提出用工要素保障需求。
)";

constexpr const char* kAgreement = R"(## 投资协议的关键条款

1. **投资强度与进度**：固定资产投资额、开工和投产时间，分阶段写明。
2. **产出承诺**：达产后的年产值、亩均税收，未达标的处理方式。
3. **政策兑现**：兑现条件、时间节点和上限，与政策文件一致。
4. **土地条款**：用途、年限、容积率，闲置土地的处置。
5. **违约与退出**：回购、返还补助的触发条件。

协议文本须经司法局或法律顾问审核后签署，签署后上传到项目附件。
)";

constexpr const char* kPolicyUse = R"(## 政策怎么用

- 在项目页的“可享政策”中查看项目满足的政策和差一个条件的政策；
- 即将到期（90 天内）的政策标有“即将到期”，向投资方说明并关注接续；
- 政策原文和兑现流程以[政策库](/policies)中的文件为准，不口头承诺超出政策的条件。
)";

constexpr const char* kStages = R"(## 从线索到投产

| 阶段 | 谁负责 | 要做的事 |
|:---|:---|:---|
| 线索 | 首报人 | 1 个工作日内首次联系，3 个工作日内判断 |
| 预审 | 预审专班 | 按评分指标打分，形成入库意见 |
| 入库 | 投促局 | 匹配园区，分派 |
| 洽谈 | 承接园区 | 考察、尽调、协议审核 |
| 签约 | 承接园区 | 签订协议，办理备案 |
| 在建 | 承接园区 | 要素保障，每两周报送进度 |
| 投产 | 承接园区 | 现场核验，纳入规上培育 |

每个阶段的详细清单见项目页的“阶段清单”。
)";

constexpr const char* kParkCard = R"(## 园区名片怎么用

园区名片回答两件事：**我有什么**（主导产业、可用土地和厂房、水电气）和**我要什么**（目标产业、投资强度和亩均门槛、红线）。

- 推介项目前，先看名片上的门槛，不符合的不要推送；
- 名片由园区自己维护，数据有变化请及时更新；
- 打印版名片可以直接带给投资方。
)";
}  // namespace

void LoadDemoArticles(App& app) {
  const Actor actor{0, "demo-loader", "", "cli", "demo"};
  const std::string today = LocalDateOfMs(app.clock().NowMs());
  const std::string half_year = AddDays(today, 180);
  auto add = [&](const char* login, const char* category, const char* title, const char* body,
                 std::vector<std::string> codes, const std::string& review_on) {
    guide::Article a;
    a.category = category;
    a.title = title;
    a.body = body;
    a.industry_codes = std::move(codes);
    a.review_on = review_on;
    return Must(app.articles().Create(DemoPrincipal(app, login), std::move(a), "初稿", actor),
                title);
  };
  auto ev = add("coordinator", "industry", "新能源汽车产业链招商图谱", kEvChain,
                {"3612", "3670", "3841"}, half_year);
  {  // the chain map names the leading industry's chain nodes
    auto c = app.db().Acquire();
    int64_t leading = 0;
    const auto nodes = catalog::store::ListNodes(*c);
    for (const auto& n : nodes)
      if (n.name == "整车制造") leading = n.leading_industry_id;
    for (const auto& n : nodes)
      if (n.leading_industry_id == leading) ev.article.chain_node_ids.push_back(n.id);
  }
  add("coordinator", "industry", "化工新材料产业链招商图谱", kChemChain, {"2614", "2651"},
      today);  // due for review today
  add("trainer", "technique", "如何判断一条线索值得跟进", kQualify, {}, half_year);
  add("trainer", "technique", "第一次见面谈什么", kFirstMeeting, {}, half_year);
  add("trainer", "technique", "投资方常问的问题与答法", kInvestorQuestions, {}, half_year);
  add("trainer", "technique", "投资协议的关键条款", kAgreement, {}, half_year);
  add("coordinator", "policy", "新能源汽车政策怎么用", kPolicyUse, {"3612"}, half_year);
  add("coordinator", "checklist", "从线索到投产：各阶段做什么", kStages, {}, half_year);
  add("receiver", "park", "园区名片怎么用", kParkCard, {}, half_year);
  // A second version of the chain map: a clearer target list (the diff to look at).
  guide::Article v2 = ev.article;
  v2.body = std::string(kEvChain) +
            "\n## 2026 年重点目标\n\n- 电池正极材料项目 2 个\n- 电驱总成项目 1 个\n";
  Must(app.articles().Update(DemoPrincipal(app, "coordinator"), v2.id, v2, "补充年度重点目标",
                             actor),
       "新能源汽车产业链招商图谱 v2");

  // Questions from the front line: one answered and taken into the guide, one answered, one
  // waiting for an answer.
  auto ask = [&](const char* login, const char* topic, const char* title, const char* body) {
    guide::QaQuestion q;
    q.topic = topic;
    q.title = title;
    q.body = body;
    return Must(app.questions().Ask(DemoPrincipal(app, login), std::move(q), actor), title)
        .question.id;
  };
  auto answer = [&](const char* login, int64_t id, const char* body) {
    return Must(app.questions().Answer(DemoPrincipal(app, login), id, body, actor), "answer")
        .answers.back()
        .id;
  };
  const int64_t land =
      ask("promoter", "technique", "投资方要求先给土地指标再注册公司，怎么谈？",
          "上海一家电池材料企业，意向投资 8 亿元，坚持先落实用地指标再在本地注册。");
  const int64_t land_answer =
      answer("trainer", land,
             "先签**投资框架协议**，把用地规模、出让方式和时间表写进去，同时约定注册时限。\n\n"
             "1. 用地指标由园区和自然资源部门在要素保障中提出，框架协议写明“在取得用地后 N "
             "个工作日内注册”；\n"
             "2. 注册前不承诺具体地块和价格；\n"
             "3. 重大项目可提请预审专班研判后由投促局统筹。");
  Must(app.questions().Promote(DemoPrincipal(app, "coordinator"), land, land_answer, actor),
       "promote");
  const int64_t subsidy = ask("yxpromoter", "policy", "设备补贴和固定资产投资奖励能同时享受吗？",
                              "企业问两项政策能否叠加。");
  answer("coordinator", subsidy,
         "同一投资行为原则上**不重复享受**，按“就高不重复”执行；政策文件另有规定的从其规定。"
         "具体以政策库中的适用条件为准。");
  ask("dgpromoter", "park", "园区名片上的标准厂房面积多久更新一次？", "");
}

}  // namespace zhaoshang
