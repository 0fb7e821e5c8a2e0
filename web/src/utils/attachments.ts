// 佐证材料 without the screen: sizes in words, which kinds the upload form offers first, the client's
// own early checks of a chosen file (size and extension against the server's limits and formats), and
// which message a refused upload gets. The server reads every file again and decides.
import type { AttachmentApi } from '@/api/attachments'
import { ApiError } from '@/api/http'

/** 45 B, 8.2 KB, 245 KB, 1.5 MB, 20 MB: one decimal below 10, whole numbers above (same in both languages). */
export function formatSize(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined || !Number.isFinite(bytes) || bytes < 0) return ''
  if (bytes < 1024) return `${Math.round(bytes)} B`
  const [value, unit] = bytes < 1024 * 1024 ? [bytes / 1024, 'KB'] : [bytes / (1024 * 1024), 'MB']
  const text = value < 10 ? (Math.round(value * 10) / 10).toString() : Math.round(value).toString()
  return `${text} ${unit}`
}

/** The name's extension in lower case, without the dot; '' when it has none ("合同", ".pdf", "a."). */
export function extensionOf(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? ''
  const dot = base.lastIndexOf('.')
  if (dot <= 0 || dot === base.length - 1) return ''
  return base.slice(dot + 1).toLowerCase()
}

/** The file picker's `accept`: every extension the server takes (".pdf,.png,.jpg,…"). */
export function acceptOf(formats: readonly AttachmentApi.Format[]): string {
  return formats.flatMap((f) => f.extensions.map((e) => `.${e}`)).join(',')
}

/** A refusal with the same field and reason codes as the server's (`fields.file = too_large`, …). */
export interface Problem {
  field: 'kind' | 'name' | 'file' | 'reason' | 'forbidden'
  reason: string
}

/**
 * What the client can tell before sending: an empty file, one over the limit, a name without an
 * extension or with one no format has. null: send it (the server still checks the bytes).
 */
export function checkFile(
  file: { name: string; size: number },
  limits: { max_bytes: number; formats: readonly AttachmentApi.Format[] } | null,
): Problem | null {
  if (file.size === 0) return { field: 'file', reason: 'empty' }
  if (!limits) return null
  if (limits.max_bytes > 0 && file.size > limits.max_bytes) return { field: 'file', reason: 'too_large' }
  const ext = extensionOf(file.name)
  if (!ext) return { field: 'name', reason: 'no_extension' }
  if (limits.formats.length && !limits.formats.some((f) => f.extensions.includes(ext))) return { field: 'file', reason: 'unsupported_type' }
  return null
}

/** The kinds of this stage first (in the server's order), then the others; no stage: the server's order. */
export function orderKinds(
  kinds: readonly AttachmentApi.Kind[],
  stage?: string | null,
): { suggested: AttachmentApi.Kind[]; others: AttachmentApi.Kind[] } {
  if (!stage) return { suggested: [], others: [...kinds] }
  const suggested = kinds.filter((k) => k.stages.includes(stage as AttachmentApi.Kind['stages'][number]))
  return { suggested, others: kinds.filter((k) => !suggested.includes(k)) }
}

const KNOWN: Record<string, readonly string[]> = {
  kind: ['required', 'invalid_value'],
  name: ['required', 'invalid_value', 'no_extension'],
  file: ['empty', 'too_large', 'unsupported_type', 'type_mismatch', 'too_many_files'],
  reason: ['required', 'invalid_value', 'too_long'],
}

/**
 * The problem a refused upload or removal names, when it is one the words know: a field's reason,
 * 413 (a body over the server's limit, never read) as too_large, 409 too_many_files, 403. null: say
 * the general error (errorMessage).
 */
export function problemOf(err: unknown): Problem | null {
  if (!(err instanceof ApiError)) return null
  if (err.status === 413 || err.code === 'payload_too_large') return { field: 'file', reason: 'too_large' }
  if (err.code === 'too_many_files') return { field: 'file', reason: 'too_many_files' }
  for (const field of ['kind', 'name', 'file', 'reason'] as const) {
    const why = err.fields[field]
    if (why && KNOWN[field].includes(why)) return { field, reason: why }
  }
  if (err.status === 403) return { field: 'forbidden', reason: 'forbidden' }
  return null
}
