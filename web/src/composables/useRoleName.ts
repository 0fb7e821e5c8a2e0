import { useI18n } from 'vue-i18n'

/** Role code (`promoter`) → its name in the UI language; a code the locales do not know shows as is. */
export function useRoleName() {
  const { t, te } = useI18n()
  return (code: string): string => (te(`roles.names.${code}`) ? t(`roles.names.${code}`) : code)
}
