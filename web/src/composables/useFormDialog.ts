import { ref, watch, type Ref } from 'vue'
import { ApiError, errorMessage } from '@/api/http'
import { i18n } from '@/locales'
import { useFieldErrors, type FieldErrorOptions } from './useFieldErrors'

export interface SubmitOptions<K extends string> {
  /** Field that takes a field-less `already_exists` (see useFieldErrors). */
  fallbackField?: K
  /**
   * The request was sent with `silent: true`: an error that names no field of this form is
   * shown in the dialog's `alert` instead of the interceptor's toast.
   */
  silent?: boolean
  /** Handle the error yourself; return true when it is handled. */
  onError?: (e: unknown) => boolean
}

/**
 * The state every dialog form shares: field errors (cleared when the dialog opens), an alert
 * line for errors without a field, and a submitting flag that also stops a double submit.
 * `onOpen` resets the form each time the dialog opens; `source` (the form's values by field) clears
 * a field's error as soon as the user changes that field.
 */
export function useFormDialog<K extends string>(
  open: Ref<boolean>,
  fields: readonly K[],
  opts: { onOpen?: () => void } & FieldErrorOptions<K> = {},
) {
  const fe = useFieldErrors(fields, { source: opts.source, recheck: opts.recheck })
  const submitting = ref(false)
  const alert = ref('')

  watch(open, (v) => {
    if (!v) return
    fe.clear()
    alert.value = ''
    opts.onOpen?.()
  })

  function close(): void {
    open.value = false
  }

  /** Clears the errors of the last try (before checking the form again). */
  function clearErrors(): void {
    fe.clear()
    alert.value = ''
  }
  /** True when a field has an error (after the form's own checks). */
  const hasErrors = (): boolean => fields.some((f) => fe.errors[f])

  /** Runs `action`; on success closes the dialog and resolves true. */
  async function submit(action: () => Promise<void>, so: SubmitOptions<K> = {}): Promise<boolean> {
    if (submitting.value) return false
    submitting.value = true
    try {
      await action()
      close()
      return true
    } catch (e) {
      if (so.onError?.(e)) return false
      if (!fe.apply(e, so.fallbackField) && so.silent)
        alert.value = e instanceof ApiError ? errorMessage(e) : i18n.global.t('errors.unknown')
      return false
    } finally {
      submitting.value = false
    }
  }

  return { errors: fe.errors, submitting, alert, close, clearErrors, hasErrors, submit }
}
