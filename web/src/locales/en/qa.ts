// Front-line questions (docs/api.md "Questions from the front line"): the list, the ask dialog, a question
// with its answers, the answer box and Add to guide.
export default {
  page: {
    title: 'Front-line questions',
  },
  nav: {
    label: 'Guide sections',
    articles: 'Articles',
    questions: 'Front-line questions',
  },
  status: {
    open: 'Awaiting answer',
    answered: 'Answered',
  },
  fields: {
    topic: 'Topic',
    title: 'Question',
    body: 'Details',
    project: 'Project',
    asker: 'Asked by',
    answers: 'Answers',
    updated: 'Latest activity',
  },
  list: {
    allTopics: 'All',
    allStatuses: 'Any status',
    mine: 'My questions',
    empty: 'No questions match',
    emptyMine: 'You have not asked anything yet: “Ask a question” puts it to the experts',
    answersCount: '{n} answer | {n} answers',
    promoted: 'In the guide',
    promotedTitle: 'In the guide: open the article',
  },
  ask: {
    open: 'Ask a question',
    openProject: 'Ask an expert',
    title: 'Ask a question',
    titleProject: 'Ask an expert about this project',
    topicPlaceholder: 'Select a topic',
    titlePlaceholder: 'Your question in one sentence',
    bodyPlaceholder: 'Optional: background, what was tried, where it is stuck…',
    bodyHint: 'Markdown: - lists, **bold**, > quotes; no HTML, links only http(s), mailto or pages of this system.',
    projectHint: 'Those answering who may read the project can open it for details.',
    submit: 'Ask',
    done: 'Your question is asked; you will be told when someone answers',
  },
  question: {
    title: 'Question',
    back: 'Back to the questions',
    askedBy: '{name} ({unit}), {time}',
    noBody: '(no details given)',
    answers: 'Answers ({n})',
    noAnswers: 'No answer yet. The investment bureau, the expert pool and the party school answer; the asker is told.',
    answeredBy: '{name} ({unit})',
    promoted: 'This question is in the investment guide.',
    openArticle: 'Open the article',
    promote: 'Add to guide',
    promoteTitle: 'Add to the investment guide',
    promoteConfirm:
      'The question and this answer become a guide article (category “{topic}”, maintained by your unit), which you can edit further. Add it?',
    promotedDone: 'Added to the investment guide',
    answerGone: 'That answer no longer exists; the page was reloaded',
  },
  answer: {
    title: 'Your answer',
    placeholder: 'Your answer: what to do, on what grounds, what to watch…',
    hint: 'Markdown: 1. numbers, - lists, **bold**, > quotes, tables; the asker is told when you submit.',
    submit: 'Submit answer',
    done: 'Answer submitted; the asker will be told',
  },
  // A field's reason on a form (questions.ts qaFieldErrorKey); others read as validation.reasons.<reason>.
  fieldErrors: {
    ask: {
      topic: { required: 'Select a topic', invalid_value: 'Select a topic' },
      title: { required: 'Enter the question', too_long: 'At most 100 characters' },
      body: {
        too_long: 'At most 2,000 characters',
        html_not_allowed: 'The details may not contain HTML or scripts',
        unsafe_link: 'Links may only be http(s), mailto or pages of this system',
        external_image: 'Images may only be attachments of this system',
      },
      project_id: { not_found: 'The project does not exist or you may not read it' },
    },
    answer: {
      body: {
        required: 'Enter your answer',
        too_long: 'At most 8,000 characters',
        html_not_allowed: 'The answer may not contain HTML or scripts',
        unsafe_link: 'Links may only be http(s), mailto or pages of this system',
        external_image: 'Images may only be attachments of this system',
      },
    },
  },
}
