import { onBeforeUnmount, ref, type Ref } from 'vue'

/** Whether a CSS media query matches now, kept up to date (e.g. a phone-width layout). */
export function useMediaQuery(query: string): Ref<boolean> {
  const mq = typeof window !== 'undefined' && window.matchMedia ? window.matchMedia(query) : null
  const matches = ref(mq?.matches ?? false)
  const update = (e: MediaQueryListEvent) => (matches.value = e.matches)
  mq?.addEventListener('change', update)
  onBeforeUnmount(() => mq?.removeEventListener('change', update))
  return matches
}
