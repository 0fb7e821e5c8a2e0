// 一线提问 (docs/api.md "Questions from the front line"): the list, the ask dialog, a question with its
// answers, the answer box and 收入指南.
export default {
  page: {
    title: '一线提问',
  },
  nav: {
    label: '招商指南栏目',
    articles: '指南文章',
    questions: '一线提问',
  },
  status: {
    open: '待解答',
    answered: '已解答',
  },
  fields: {
    topic: '主题',
    title: '问题',
    body: '补充说明',
    project: '相关项目',
    asker: '提问人',
    answers: '解答',
    updated: '最近动态',
  },
  list: {
    allTopics: '全部',
    allStatuses: '全部状态',
    mine: '我的提问',
    empty: '没有符合条件的提问',
    emptyMine: '您还没有提问，可点“我要提问”向专家请教',
    answersCount: '{n} 条解答',
    promoted: '已收入指南',
    promotedTitle: '已收入招商指南：查看文章',
  },
  ask: {
    open: '我要提问',
    openProject: '向专家提问',
    title: '我要提问',
    titleProject: '就本项目向专家提问',
    topicPlaceholder: '请选择主题',
    titlePlaceholder: '一句话说清要问什么',
    bodyPlaceholder: '可选：背景、已经做了什么、卡在哪里……',
    bodyHint: '支持 Markdown：- 列表、**加粗**、> 引用；不能包含 HTML，链接只能是 http(s)、mailto 或本系统地址。',
    projectHint: '解答人中有权查看该项目的可以打开项目了解详情。',
    submit: '提交提问',
    done: '已提交提问，有人解答后会通知您',
  },
  question: {
    title: '提问详情',
    back: '返回一线提问',
    askedBy: '{name}（{unit}）于 {time} 提问',
    noBody: '（未填写补充说明）',
    answers: '解答（{n}）',
    noAnswers: '还没有人解答。投促局、专家库和市委党校会陆续解答，有了解答会通知提问人。',
    answeredBy: '{name}（{unit}）',
    promoted: '这条提问已收入招商指南。',
    openArticle: '查看指南文章',
    promote: '收入指南',
    promoteTitle: '收入招商指南',
    promoteConfirm: '把问题和这条解答写成一篇招商指南文章（分类“{topic}”，维护单位为本单位），收入后可在文章页继续编辑。确定收入吗？',
    promotedDone: '已收入招商指南',
    answerGone: '这条解答已不存在，页面已重新加载',
  },
  answer: {
    title: '我来解答',
    placeholder: '写下您的解答：做法、依据、注意事项……',
    hint: '支持 Markdown：1. 编号、- 列表、**加粗**、> 引用、表格；提交后提问人会收到通知。',
    submit: '提交解答',
    done: '已提交解答，提问人会收到通知',
  },
  // A field's reason on a form (questions.ts qaFieldErrorKey); others read as validation.reasons.<reason>.
  fieldErrors: {
    ask: {
      topic: { required: '请选择主题', invalid_value: '请选择主题' },
      title: { required: '请填写问题', too_long: '问题最多 100 个字' },
      body: {
        too_long: '补充说明最多 2000 个字',
        html_not_allowed: '补充说明不能包含 HTML 或脚本',
        unsafe_link: '链接只能是 http(s)、mailto 或本系统地址',
        external_image: '图片只能引用本系统内的附件',
      },
      project_id: { not_found: '项目不存在或您无权查看' },
    },
    answer: {
      body: {
        required: '请填写解答',
        too_long: '解答最多 8000 个字',
        html_not_allowed: '解答不能包含 HTML 或脚本',
        unsafe_link: '链接只能是 http(s)、mailto 或本系统地址',
        external_image: '图片只能引用本系统内的附件',
      },
    },
  },
}
