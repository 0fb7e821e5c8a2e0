// Hands a fetched file to the browser's download manager. The file is fetched by our HTTP client
// (session cookie, CSRF header, errors through the interceptor) rather than by navigating to the
// URL, so a failed export shows a message instead of a JSON page.
import type { FileResponse } from '@/api/http'

/** How long the object URL stays valid after the click (the browser reads it asynchronously). */
const REVOKE_AFTER_MS = 60_000

export function saveFile({ blob, filename }: FileResponse): void {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = filename
  a.rel = 'noopener'
  a.style.display = 'none'
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS)
}

/** The upload Content-Type the import routes accept, by file name; null for anything else. */
export function spreadsheetType(name: string): string | null {
  const ext = name.toLowerCase().split('.').pop()
  if (ext === 'xlsx') return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
  // By name, not File.type: Windows with Excel reports .csv as application/vnd.ms-excel.
  if (ext === 'csv') return 'text/csv'
  return null
}
