import { API_BASE, http, request, type RequestOptions } from './http'
import type { ProjectApi } from './projects'

// 佐证材料: files on a project or a factor request (docs/api.md "Attachments"). The server recognises
// a file's format from its bytes and decides who may attach or remove; the web only shows its answers.
export namespace AttachmentApi {
  export type ObjectType = 'project' | 'factor_request'

  /** A kind of evidence (营业执照, 投资协议, …); `stages`: where the upload form suggests it first. */
  export interface Kind {
    code: string
    /** the server's Chinese name (the web words the codes it knows itself, in both languages) */
    name: string
    stages: ProjectApi.Stage[]
  }

  export interface Format {
    code: string
    /** without the dot, lower case */
    extensions: string[]
  }

  /** GET /attachments/kinds */
  export interface Kinds {
    kinds: Kind[]
    formats: Format[]
    /** one file's limit in bytes */
    max_bytes: number
    /** files per object */
    max_files: number
  }

  export interface Attachment {
    id: number
    object_type: ObjectType
    object_id: number
    kind: string
    /** the project's stage when the file was uploaded */
    stage: string
    name: string
    format: string
    size_bytes: number
    sha256: string
    uploaded_by_name: string
    /** epoch ms */
    uploaded_at: number
    capabilities: { remove: boolean }
  }

  /** GET /projects/{id}/attachments, GET /factor-requests/{id}/attachments */
  export interface List {
    items: Attachment[]
    max_bytes: number
    capabilities: { attach: boolean }
  }
}

const base = (type: AttachmentApi.ObjectType, id: number) => (type === 'project' ? `/projects/${id}` : `/factor-requests/${id}`)

/** The kinds, the formats accepted and the limits (`workbench.view`). */
export const getAttachmentKinds = (opts?: RequestOptions) => http.get<AttachmentApi.Kinds>('/attachments/kinds', opts)

export const listAttachments = (type: AttachmentApi.ObjectType, id: number, opts?: RequestOptions) =>
  http.get<AttachmentApi.List>(`${base(type, id)}/attachments`, opts)

/**
 * The file itself is the body (not multipart); its kind and name go in the query. The Content-Type is
 * not trusted by the server (it reads the bytes), so every file goes as application/octet-stream.
 */
export const uploadAttachment = (
  type: AttachmentApi.ObjectType,
  id: number,
  kind: string,
  file: Blob,
  name: string,
  opts?: RequestOptions,
) =>
  http.post<AttachmentApi.Attachment>(`${base(type, id)}/attachments`, file, {
    ...opts,
    query: { kind, name },
    contentType: 'application/octet-stream',
  })

/** A plain link to this downloads the file (same-origin cookie; `Content-Disposition: attachment`). */
export const attachmentContentUrl = (id: number) => `${API_BASE}/attachments/${id}/content`

/** 204; the reason is required (≤ 200 characters). */
export const removeAttachment = (id: number, reason: string, opts?: RequestOptions) =>
  request<void>('DELETE', `/attachments/${id}`, { reason }, opts)
