import { ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { getAttachmentKinds, type AttachmentApi } from '@/api/attachments'
import { errorMessage, ApiError } from '@/api/http'
import { formatSize, problemOf, type Problem } from '@/utils/attachments'

// The kinds, formats and limits of 佐证材料 (GET /attachments/kinds): the same for every user, loaded
// once per page load and shared by the panels, the transition dialog and the settings card.
const kinds = ref<AttachmentApi.Kinds | null>(null)
let pending: Promise<AttachmentApi.Kinds | null> | null = null

function loadKinds(): Promise<AttachmentApi.Kinds | null> {
  if (pending) return pending
  pending = getAttachmentKinds({ silent: true })
    .then((r) => (kinds.value = r))
    .catch(() => {
      pending = null // ask again next time
      return null
    })
  return pending
}

/** Only for tests: forget the loaded kinds. */
export function resetAttachmentKinds(): void {
  kinds.value = null
  pending = null
}

export function useAttachmentKinds() {
  return { kinds, load: loadKinds }
}

/** 佐证材料 codes and refusals → words in the user's language (never a code). */
export function useAttachmentText() {
  const { t, te } = useI18n()

  /** A kind's name: the web's words for the codes it knows, else the server's name, else 其他材料. */
  function kind(code: string | null | undefined): string {
    if (!code) return ''
    if (te(`attachments.kinds.${code}`)) return t(`attachments.kinds.${code}`)
    return kinds.value?.kinds.find((k) => k.code === code)?.name ?? t('attachments.kinds.other')
  }

  /** "投资协议、用地手续" */
  const kindList = (codes: readonly string[]) => codes.map(kind).join(t('errors.listSeparator'))

  /** The formats the server takes, as the user knows them: "PDF、PNG、JPG、…". */
  const formatList = () =>
    (kinds.value?.formats ?? []).flatMap((f) => f.extensions.map((e) => e.toUpperCase())).join(t('errors.listSeparator'))

  const maxSize = (maxBytes?: number | null) => formatSize(maxBytes ?? kinds.value?.max_bytes ?? 0)

  /** A problem (the client's own check or the server's fields) in a sentence. */
  function problem(p: Problem, ctx: { maxBytes?: number | null } = {}): string {
    if (p.field === 'forbidden') return t('attachments.errors.forbidden')
    const key = `attachments.errors.${p.field}.${p.reason}`
    if (!te(key)) return t('validation.reasons.invalid_value')
    return t(key, {
      max: maxSize(ctx.maxBytes),
      formats: formatList(),
      files: kinds.value?.max_files ?? '',
    })
  }

  /** A failed upload or removal in a sentence: its field's reason when known, else the general message. */
  function failure(err: unknown, ctx: { maxBytes?: number | null } = {}): string {
    const p = problemOf(err)
    if (p) return problem(p, ctx)
    return err instanceof ApiError ? errorMessage(err) : t('errors.unknown')
  }

  return { kind, kindList, formatList, maxSize, problem, failure }
}
