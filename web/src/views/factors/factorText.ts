// 要素保障 in words and numbers: quantity units (the API's base units ⇄ what users type and
// read: hundredths of a mu → 亩, yuan → 万元), and the parts of an event note.
import { MU_DECIMALS, WAN_DECIMALS, scaledText } from '@/utils/money'

/** Decimal places a user types for a quantity unit: 亩 with 2, 万元 with 4, whole numbers otherwise. */
export function quantityDecimals(unit: string): number {
  if (unit === 'mu_x100') return MU_DECIMALS
  if (unit === 'yuan') return WAN_DECIMALS
  return 0
}

/** A quantity in the API's unit → the number users read (grouped, no unit): 12000 mu_x100 → "120". */
export function quantityNumber(quantity: number | null | undefined, unit: string): string {
  if (quantity === null || quantity === undefined || !Number.isFinite(quantity)) return ''
  return scaledText(Math.round(quantity), quantityDecimals(unit), { group: true })
}

/**
 * An `unresolvable` event's note is the reason code, then ": " and the text the department wrote
 * ("no_quota: 本年度指标已用完"). Split it so the code can be shown in words; any other note is text.
 */
export function splitReasonNote(note: string, codes: readonly string[]): { code: string | null; text: string } {
  for (const c of codes) {
    if (note === c) return { code: c, text: '' }
    if (note.startsWith(`${c}: `)) return { code: c, text: note.slice(c.length + 2) }
  }
  return { code: null, text: note }
}
