// Which optional columns a table shows, remembered per browser in localStorage.

/** The stored choice filtered to known keys (in the table's order), or the defaults. */
export function loadColumns(storageKey: string, known: readonly string[], defaults: readonly string[]): string[] {
  try {
    const raw = localStorage.getItem(storageKey)
    if (raw) {
      const parsed: unknown = JSON.parse(raw)
      if (Array.isArray(parsed)) {
        const chosen = new Set(parsed.filter((k): k is string => typeof k === 'string'))
        const out = known.filter((k) => chosen.has(k))
        if (out.length) return out
      }
    }
  } catch {
    // unreadable or disabled storage: defaults
  }
  return known.filter((k) => defaults.includes(k))
}

export function saveColumns(storageKey: string, visible: readonly string[]): void {
  try {
    localStorage.setItem(storageKey, JSON.stringify(visible))
  } catch {
    // storage disabled: the choice lasts for this page only
  }
}
