import { http, type Page, type RequestOptions } from './http'
import type { GuideApi } from './guide'

// 一线提问 (docs/api.md "Questions from the front line"): a promoter asks on one of the guide's
// categories, or from a project; the coordinator, an outside expert or the party school answers
// (`qa.answer`); whoever writes the guide takes an answer into it (`guide.write`). Who may answer or
// promote is the server's: each question's `capabilities`.
export namespace QuestionApi {
  export type Status = 'open' | 'answered'

  export interface Question {
    id: number
    /** one of the guide's categories */
    topic: GuideApi.Category | string
    title: string
    /** Markdown as typed */
    body: string
    /** null (and project_name "") when there is none, or the reader may not read it */
    project_id: number | null
    project_name: string
    asked_by: number
    asked_by_name: string
    unit_name: string
    /** the guide article the question went into, once promoted */
    article_id: number | null
    answers_count: number
    /** epoch ms */
    created_at: number
    updated_at: number
    capabilities: { answer: boolean; promote: boolean }
  }

  export interface Answer {
    id: number
    body: string
    /** the server's own rendering (the guide's fixed tags): shown as HTML */
    html: string
    by_name: string
    by_unit_name: string
    /** epoch ms */
    at: number
  }

  /** GET /guide/questions/{id} and the answers of POST. */
  export interface Full extends Question {
    body_html: string
    answers: Answer[]
  }

  export interface ListResponse extends Page<Question> {
    categories: (GuideApi.Category | string)[]
  }

  export interface Query {
    topic?: string | null
    status?: Status | ''
    mine?: boolean
    page: number
    page_size: number
  }

  export interface NewQuestion {
    topic: string
    title: string
    body?: string
    project_id?: number
  }
}

/** The server's limits (docs/api.md). */
export const QUESTION_LIMITS = { title: 100, body: 2000, answer: 8000 } as const
export const QUESTION_STATUSES: QuestionApi.Status[] = ['open', 'answered']

/** Permission `guide.read`; latest activity first. */
export const listQuestions = (q: QuestionApi.Query, opts?: RequestOptions) =>
  http.get<QuestionApi.ListResponse>('/guide/questions', {
    ...opts,
    query: {
      topic: q.topic || undefined,
      status: q.status || undefined,
      mine: q.mine ? 1 : undefined,
      page: q.page,
      page_size: q.page_size,
    },
  })
export const getQuestion = (id: number, opts?: RequestOptions) => http.get<QuestionApi.Full>(`/guide/questions/${id}`, opts)
/** 201 the question with `body_html` and no answers. */
export const askQuestion = (b: QuestionApi.NewQuestion, opts?: RequestOptions) => http.post<QuestionApi.Full>('/guide/questions', b, opts)
/** `qa.answer`; 201 the question with its answers. */
export const answerQuestion = (id: number, body: string, opts?: RequestOptions) =>
  http.post<QuestionApi.Full>(`/guide/questions/${id}/answers`, { body }, opts)
/** `guide.write`; 201 the new article. 409 `already_promoted`; 400 `answer_id=not_found`. */
export const promoteAnswer = (id: number, answerId: number, opts?: RequestOptions) =>
  http.post<GuideApi.FullArticle>(`/guide/questions/${id}/promote`, { answer_id: answerId }, opts)
