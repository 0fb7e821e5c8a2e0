import type { Ref } from 'vue'
import { useMediaQuery } from './useMediaQuery'

/**
 * Below 768 px: the phone layout (side menu in a drawer, one-column forms, card lists, full-screen
 * dialogs). styles.css uses the same width in its media queries, so CSS and script agree.
 */
export const PHONE_QUERY = '(max-width: 767.98px)'

export function usePhone(): Ref<boolean> {
  return useMediaQuery(PHONE_QUERY)
}
