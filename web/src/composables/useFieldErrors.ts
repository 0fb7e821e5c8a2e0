import { reactive, watch } from 'vue'
import { useI18n } from 'vue-i18n'
import { ApiError } from '@/api/http'

export interface FieldErrorOptions<K extends string = string> {
  /**
   * The form's current values by field name (a reactive object, or a getter building one). When a
   * field showing an error changes, the error goes (or, with `recheck`, is checked again): the user
   * sees the message disappear as soon as they fix it.
   */
  source?: () => object | null | undefined
  /** The form's own check of one field: its message while still wrong, '' once it is right. */
  recheck?: (field: K) => string
}

/** A comparable snapshot of a value (arrays and objects by content). */
function snapshot(v: unknown): unknown {
  return v !== null && typeof v === 'object' ? JSON.stringify(v) : v
}

/**
 * When the value of field `f` in `source()` changes while `errors[f]` is set, the error goes, or
 * becomes what `recheck(f)` says (still wrong: its message; right: '').
 */
export function clearWhenChanged<K extends string>(
  errors: Record<K, string>,
  fields: readonly K[],
  source: () => object | null | undefined,
  recheck?: (field: K) => string,
): void {
  watch(
    () => {
      const values = (source() ?? {}) as Record<string, unknown>
      return fields.map((f) => snapshot(values[f]))
    },
    (now, before) => {
      now.forEach((v, i) => {
        const f = fields[i]
        if (v !== before[i] && errors[f]) errors[f] = recheck ? recheck(f) : ''
      })
    },
  )
}

/**
 * Server validation `fields` (`{"login":"required"}`) → translated text shown under the
 * matching form field. `fallbackField` takes a field-less error such as already_exists.
 */
export function useFieldErrors<K extends string>(fields: readonly K[], opts: FieldErrorOptions<K> = {}) {
  const { t, te } = useI18n()
  const errors: Record<K, string> = reactive<Record<string, string>>({})

  function clear(): void {
    for (const f of fields) errors[f] = ''
  }

  /** A reason code in words; a code the locales do not know reads as 取值无效, never as the code. */
  function reasonText(reason: string): string {
    const key = `validation.reasons.${reason}`
    return te(key) ? t(key) : t('validation.reasons.invalid_value')
  }

  /** Returns true when at least one field got a message. */
  function apply(err: unknown, fallbackField?: K): boolean {
    clear()
    if (!(err instanceof ApiError)) return false
    let any = false
    for (const [name, reason] of Object.entries(err.fields)) {
      if ((fields as readonly string[]).includes(name)) {
        errors[name as K] = reasonText(reason)
        any = true
      }
    }
    if (!any && fallbackField && err.code === 'already_exists') {
      errors[fallbackField] = reasonText('already_exists')
      any = true
    }
    return any
  }

  if (opts.source) clearWhenChanged(errors, fields, opts.source, opts.recheck)

  clear()
  return { errors, apply, clear, reasonText }
}
