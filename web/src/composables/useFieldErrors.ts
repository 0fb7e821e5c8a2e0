import { reactive } from 'vue'
import { useI18n } from 'vue-i18n'
import { ApiError } from '@/api/http'

/**
 * Server validation `fields` (`{"login":"required"}`) → translated text shown under the
 * matching form field. `fallbackField` takes a field-less error such as already_exists.
 */
export function useFieldErrors<K extends string>(fields: readonly K[]) {
  const { t, te } = useI18n()
  const errors: Record<K, string> = reactive<Record<string, string>>({})

  function clear(): void {
    for (const f of fields) errors[f] = ''
  }

  function reasonText(reason: string): string {
    const key = `validation.reasons.${reason}`
    return te(key) ? t(key) : reason
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

  clear()
  return { errors, apply, clear }
}
