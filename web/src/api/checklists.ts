import { http, type RequestOptions } from './http'
import type { ProjectApi } from './projects'

// 阶段清单 (docs/api.md "Stage checklists"): what to do in each working stage and which evidence to
// collect. The coordinator keeps each stage's list; a project's parties tick the items of its current
// stage. Which items are required, who may tick and what a move still misses are the server's answers.
export namespace ChecklistApi {
  /** The stages with a checklist (the working stages, in funnel order). */
  export type Stage = Extract<
    ProjectApi.Stage,
    'lead' | 'in_review' | 'approved' | 'negotiating' | 'signed' | 'construction' | 'production'
  >

  export interface Item {
    id: number
    stage: Stage
    title: string
    detail: string
    /** an attachment kind code (营业执照 …) the item asks for, or null */
    evidence_kind: string | null
    /** a stage guard: the project does not move forward out of the stage before it is ticked */
    required: boolean
  }

  /** GET /checklists, PUT /checklists/{stage} */
  export interface All {
    stages: Record<Stage, Item[]>
    max_items: number
  }

  /** One row of PUT /checklists/{stage}: with the `id` of one of the stage's items it is kept (its ticks stay). */
  export interface ItemInput {
    id?: number
    title: string
    detail?: string
    evidence_kind?: string | null
    required?: boolean
  }

  export interface ProjectItem extends Item {
    ticked: boolean
    ticked_by_name: string | null
    /** epoch ms */
    ticked_at: number | null
    note: string
    /** the project holds a file of the item's evidence kind */
    evidence_held: boolean
  }

  /** GET /projects/{id}/checklist and the answer of a tick or untick */
  export interface OfProject {
    /** the project's current stage (a side stage has no items) */
    stage: ProjectApi.Stage
    items: ProjectItem[]
    capabilities: { tick: boolean }
  }
}

export const CHECKLIST_STAGES: readonly ChecklistApi.Stage[] = [
  'lead',
  'in_review',
  'approved',
  'negotiating',
  'signed',
  'construction',
  'production',
]

/** Every stage's list (`project.read`). */
export const getChecklists = (opts?: RequestOptions) => http.get<ChecklistApi.All>('/checklists', opts)

/** The stage's whole list (`pipeline.settings`): rows with an id are kept, new ones added, the rest retired. */
export const putChecklist = (stage: ChecklistApi.Stage, items: ChecklistApi.ItemInput[], opts?: RequestOptions) =>
  http.put<ChecklistApi.All>(`/checklists/${stage}`, { items }, opts)

export const getProjectChecklist = (projectId: number, opts?: RequestOptions) =>
  http.get<ChecklistApi.OfProject>(`/projects/${projectId}/checklist`, opts)

/** Ticks an item of the project's current stage; the note (one line, ≤ 200) is optional. */
export const tickChecklistItem = (projectId: number, itemId: number, note: string, opts?: RequestOptions) =>
  http.post<ChecklistApi.OfProject>(`/projects/${projectId}/checklist/${itemId}/tick`, note ? { note } : {}, opts)

export const untickChecklistItem = (projectId: number, itemId: number, opts?: RequestOptions) =>
  http.del<ChecklistApi.OfProject>(`/projects/${projectId}/checklist/${itemId}/tick`, opts)
