import { ElMessageBox } from 'element-plus/es/components/message-box/index.mjs'
import { i18n } from '@/locales'

export interface ConfirmOptions {
  /** The confirm button's text; 确定 / Confirm by default. */
  confirmText?: string
  /** `warning` for destructive or irreversible actions (the default), `info` for a plain confirmation. */
  type?: 'warning' | 'info'
  /** A class on the box (tests and styles find one question among others). */
  customClass?: string
}

/**
 * One confirmation box for destructive actions: resolves true when the user confirms, false
 * when they cancel or close it. `message` and `title` are already translated.
 */
export function confirmDanger(message: string, title: string, opts: ConfirmOptions = {}): Promise<boolean> {
  const { t } = i18n.global
  return ElMessageBox.confirm(message, title, {
    type: opts.type ?? 'warning',
    confirmButtonText: opts.confirmText ?? t('common.actions.confirm'),
    cancelButtonText: t('common.actions.cancel'),
    ...(opts.customClass ? { customClass: opts.customClass } : {}),
  })
    .then(() => true)
    .catch(() => false)
}
