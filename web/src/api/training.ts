import { http, type RequestOptions } from './http'

// 培训 (应知应会): courses with an outline and a quiz, the question bank, sessions with enrolment,
// attendance and a sign-in code, attempts and certificates, and the completion report. Who may do
// what is the server's: `capabilities` on the list, each course and each session; the menu and the
// routes follow the permissions training.read / training.manage / training.report.
export namespace TrainingApi {
  export type PartialRule = 'half' | 'strict'
  export interface Quiz {
    pass_pct: number
    max_attempts: number
    /** 0: the whole bank */
    question_count: number
    /** 0: no limit */
    time_limit_min: number
    partial: PartialRule | string
    /** YYYY-MM-DD or null */
    opens_on: string | null
    closes_on: string | null
  }

  export type Refusal = '' | 'quiz_not_open' | 'quiz_closed' | 'retakes_exhausted' | 'already_passed' | 'no_questions'

  export interface Mine {
    attempts: number
    best_pct: number | null
    passed: boolean
    certificate_id: number | null
    open_attempt_id: number | null
    may_attempt: boolean
    refusal: Refusal | string
  }

  export interface Course {
    id: number
    title: string
    summary: string
    owner_unit_id: number
    owner_unit_name: string
    article_ids: number[]
    articles: { id: number; title: string }[]
    quiz: Quiz
    question_total: number
    session_count: number
    updated_at: number
    mine: Mine
    capabilities: { edit: boolean; attempt: boolean }
  }

  export interface FullCourse extends Course {
    outline: string
    /** the server's own rendering (fixed tags, no script): shown as HTML */
    outline_html: string
    sessions: Session[]
  }

  export interface CourseBody {
    title: string
    summary?: string
    outline?: string
    owner_unit_id?: number
    article_ids?: number[]
    quiz?: Quiz
  }

  export type QuestionKind = 'single' | 'multiple' | 'true_false'
  export interface Option {
    id: number
    text: string
    correct: boolean
  }
  export interface Question {
    id: number
    course_id: number
    kind: QuestionKind | string
    stem: string
    options: Option[]
    points: number
    explanation: string
  }
  export interface QuestionBody {
    kind: QuestionKind
    stem: string
    options: { text: string; correct: boolean }[]
    points?: number
    explanation?: string
  }

  export interface PaperQuestion {
    id: number
    kind: QuestionKind | string
    stem: string
    points: number
    options: { id: number; text: string }[]
  }
  export interface QuestionResult {
    id: number
    earned: number
    points: number
    correct: boolean
    chosen: number[]
    right: number[]
    explanation: string
  }
  export interface Result {
    earned: number
    points: number
    pct: number
    passed: boolean
    pass_pct: number
    certificate_id: number | null
    questions: QuestionResult[]
  }
  export interface Attempt {
    id: number
    course_id: number
    course_title: string
    /** 1-based */
    number: number
    max_attempts: number
    started_at: number
    deadline_at: number | null
    submitted_at: number | null
    questions: PaperQuestion[]
    result: Result | null
  }
  export interface Answer {
    question_id: number
    chosen: number[]
  }

  export interface Certificate {
    id: number
    serial: string
    course_id: number
    course_title: string
    user_id: number
    user_name: string
    unit_name: string
    issued_at: number
    pct: number
    issuer_unit_name: string
  }

  export type SessionState = 'upcoming' | 'running' | 'ended'
  export interface Quota {
    unit_id: number
    unit_name: string
    seats: number
    enrolled: number
  }
  export interface Session {
    id: number
    course_id: number
    course_title: string
    starts_at: number
    ends_at: number
    place: string
    trainer: string
    capacity: number
    enrolled: number
    attended: number
    state: SessionState | string
    quotas: Quota[]
    mine: { enrolled: boolean; attended_at: number | null }
    capabilities: { enrol: boolean; cancel: boolean; manage: boolean }
  }
  export interface Enrolment {
    user_id: number
    name: string
    unit_name: string
    enrolled_at: number
    attended_at: number | null
    via: 'qr' | 'manual' | null | string
  }
  export interface FullSession extends Session {
    /** managers only */
    enrolments?: Enrolment[]
  }
  export interface SessionBody {
    starts_at: number
    ends_at: number
    place: string
    trainer: string
    capacity: number
    quotas?: { unit_id: number; seats: number }[]
  }
  export interface SignInCode {
    code: string
    /** "/training/sign-in/{id}?code=…": a path of this app */
    path: string
    valid_from: number
    valid_to: number
  }

  export interface CompletionUnit {
    unit_id: number
    unit_name: string
    staff: number
    enrolled: number
    attended: number
    passed: number
    rate_pct: number
  }
  export interface CompletionPerson {
    user_id: number
    name: string
    unit_name: string
    sessions_attended: number
    courses_passed: number
    courses: Record<string, { attended: boolean; passed: boolean; best_pct: number | null }>
  }
  export interface Completion {
    courses: { id: number; title: string }[]
    units: CompletionUnit[]
    people: CompletionPerson[]
  }
}

/** The server's limits (TRAINING-API.md). */
export const TRAINING_LIMITS = {
  title: 80,
  summary: 200,
  outline: 20_000,
  article_ids: 20,
  stem: 500,
  option: 200,
  explanation: 1000,
  place: 100,
  trainer: 50,
  capacity: 1000,
  points: 100,
  pass_pct: 100,
  max_attempts: 10,
  question_count: 200,
  time_limit_min: 240,
} as const

export const QUESTION_KINDS: TrainingApi.QuestionKind[] = ['single', 'multiple', 'true_false']

// ---------------------------------------------------------------- courses
/** Newest first; `capabilities.create` offers 新建课程. */
export const listCourses = (opts?: RequestOptions) =>
  http.get<{ items: TrainingApi.Course[]; capabilities: { create: boolean } }>('/training/courses', opts)
export const getCourse = (id: number, opts?: RequestOptions) => http.get<TrainingApi.FullCourse>(`/training/courses/${id}`, opts)
export const createCourse = (b: TrainingApi.CourseBody, opts?: RequestOptions) =>
  http.post<TrainingApi.Course>('/training/courses', b, opts)
export const updateCourse = (id: number, b: TrainingApi.CourseBody, opts?: RequestOptions) =>
  http.put<TrainingApi.Course>(`/training/courses/${id}`, b, opts)

// ---------------------------------------------------------------- question bank (training.manage)
export const listQuestions = (courseId: number, opts?: RequestOptions) =>
  http.get<{ items: TrainingApi.Question[] }>(`/training/courses/${courseId}/questions`, opts)
export const createQuestion = (courseId: number, b: TrainingApi.QuestionBody, opts?: RequestOptions) =>
  http.post<TrainingApi.Question>(`/training/courses/${courseId}/questions`, b, opts)
export const updateQuestion = (id: number, b: TrainingApi.QuestionBody, opts?: RequestOptions) =>
  http.put<TrainingApi.Question>(`/training/questions/${id}`, b, opts)
export const deleteQuestion = (id: number, opts?: RequestOptions) => http.del<void>(`/training/questions/${id}`, opts)

// ---------------------------------------------------------------- attempts and certificates
/** A new paper (201) or the open one (200); 409 quiz_not_open | quiz_closed | retakes_exhausted | already_passed | no_questions. */
export const startAttempt = (courseId: number, opts?: RequestOptions) =>
  http.post<TrainingApi.Attempt>(`/training/courses/${courseId}/attempts`, {}, opts)
export const getAttempt = (id: number, opts?: RequestOptions) => http.get<TrainingApi.Attempt>(`/training/attempts/${id}`, opts)
export const submitAttempt = (id: number, answers: TrainingApi.Answer[], opts?: RequestOptions) =>
  http.post<TrainingApi.Attempt>(`/training/attempts/${id}/submit`, { answers }, opts)
export const getCertificate = (id: number, opts?: RequestOptions) => http.get<TrainingApi.Certificate>(`/training/certificates/${id}`, opts)

// ---------------------------------------------------------------- sessions
export const listSessions = (q: { course_id?: number; when?: 'upcoming' | 'past' | 'all' }, opts?: RequestOptions) =>
  http.get<{ items: TrainingApi.Session[] }>('/training/sessions', { ...opts, query: { course_id: q.course_id, when: q.when } })
export const getSession = (id: number, opts?: RequestOptions) => http.get<TrainingApi.FullSession>(`/training/sessions/${id}`, opts)
export const createSession = (courseId: number, b: TrainingApi.SessionBody, opts?: RequestOptions) =>
  http.post<TrainingApi.Session>(`/training/courses/${courseId}/sessions`, b, opts)
export const updateSession = (id: number, b: TrainingApi.SessionBody, opts?: RequestOptions) =>
  http.put<TrainingApi.Session>(`/training/sessions/${id}`, b, opts)
/** Oneself (no user_id); 409 session_full | quota_full | session_ended. */
export const enrol = (id: number, opts?: RequestOptions) => http.post<TrainingApi.Session>(`/training/sessions/${id}/enrolment`, {}, opts)
/** Before the start only (409 session_started). */
export const cancelEnrolment = (id: number, opts?: RequestOptions) =>
  http.del<TrainingApi.Session>(`/training/sessions/${id}/enrolment`, opts)
export const getSignInCode = (id: number, opts?: RequestOptions) =>
  http.get<TrainingApi.SignInCode>(`/training/sessions/${id}/sign-in-code`, opts)
/** 400 code=invalid_code; 409 session_not_started | session_ended | session_full | quota_full. */
export const signIn = (id: number, code: string, opts?: RequestOptions) =>
  http.post<TrainingApi.Session>(`/training/sessions/${id}/sign-in`, { code }, opts)
export const setAttendance = (id: number, userId: number, attended: boolean, opts?: RequestOptions) =>
  http.put<TrainingApi.FullSession>(`/training/sessions/${id}/attendance`, { user_id: userId, attended }, opts)

// ---------------------------------------------------------------- completion (training.report)
export const getCompletion = (q: { course_id?: number | null; unit_id?: number | null }, opts?: RequestOptions) =>
  http.get<TrainingApi.Completion>('/training/completion', {
    ...opts,
    query: { course_id: q.course_id ?? undefined, unit_id: q.unit_id ?? undefined },
  })
/** 按单位 and 按人员 sheets. */
export const exportCompletion = (courseId: number | null, opts?: RequestOptions) =>
  http.getFile('/training/completion.xlsx', { ...opts, query: { course_id: courseId ?? undefined } })
