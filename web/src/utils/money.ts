// Money and land as the API carries them (integer yuan, hundredths of a mu) and as users
// read and type them (万元 with up to 4 decimals, 亿元 for large sums, 亩 with 2 decimals).
// Conversions work on decimal strings and BigInt, never on binary floats: 0.0001 万元 is 1 yuan
// exactly, and 1234.5678 万元 is 12 345 678 yuan, not 12 345 677.999….

/** 1 万元 = 10^4 yuan. */
export const WAN_DECIMALS = 4
/** 1 亿元 = 10^8 yuan. */
export const YI_DECIMALS = 8
/** `land_mu_x100`: 1 亩 = 100. */
export const MU_DECIMALS = 2

const DECIMAL = /^(\d+)(?:\.(\d*))?$/

/**
 * A non-negative decimal text with at most `decimals` fraction digits → the integer
 * `text × 10^decimals`; null for anything else (sign, exponent, too many decimals, empty).
 * Thousands separators (",", "，") and surrounding blanks are tolerated.
 */
export function parseScaled(text: string, decimals: number): number | null {
  const s = text.trim().replace(/[,，]/g, '')
  const m = DECIMAL.exec(s)
  if (!m) return null
  const frac = m[2] ?? ''
  if (frac.length > decimals) return null
  const n = BigInt(m[1] + frac.padEnd(decimals, '0'))
  if (n > BigInt(Number.MAX_SAFE_INTEGER)) return null
  return Number(n)
}

/**
 * Integer `n` → the decimal text of `n / 10^decimals`, rounded half up to `keep` fraction
 * digits (default: all), trailing zeros dropped unless `fixed`.
 */
export function scaledText(n: number | bigint, decimals: number, opts: { keep?: number; fixed?: boolean; group?: boolean } = {}): string {
  let v = BigInt(n)
  const neg = v < 0n
  if (neg) v = -v
  const keep = Math.min(opts.keep ?? decimals, decimals)
  const drop = decimals - keep
  if (drop > 0) {
    const unit = 10n ** BigInt(drop)
    v = (v + unit / 2n) / unit // half up
  }
  const digits = v.toString().padStart(keep + 1, '0')
  let int = digits.slice(0, digits.length - keep)
  let frac = digits.slice(digits.length - keep)
  if (!opts.fixed) frac = frac.replace(/0+$/, '')
  if (opts.group) int = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  const body = frac ? `${int}.${frac}` : int
  return neg && v !== 0n ? `-${body}` : body
}

/** What the user typed in 万元 → integer yuan, or null when it is not a valid amount. */
export const wanToYuan = (text: string): number | null => parseScaled(text, WAN_DECIMALS)

/** Integer yuan → 万元 text for an input box: exact, no grouping ("1234.5678"). */
export const yuanToWan = (yuan: number): string => scaledText(yuan, WAN_DECIMALS)

/** What the user typed in 亩 → `land_mu_x100`, or null. */
export const muToX100 = (text: string): number | null => parseScaled(text, MU_DECIMALS)

/** `land_mu_x100` → 亩 text ("12.5"). */
export const x100ToMu = (x100: number): string => scaledText(x100, MU_DECIMALS)

const isAmount = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v)

/** Integer yuan → grouped 万元 number without the unit ("12,345.68"), rounded to `keep` decimals. */
export function formatWanNumber(yuan: number | null | undefined, keep = 2): string {
  if (!isAmount(yuan)) return ''
  return scaledText(Math.round(yuan), WAN_DECIMALS, { keep, group: true })
}

export interface MoneyUnits {
  wan: string
  yi: string
}

/**
 * Integer yuan → text with its unit for reading: 亿元 from 1 亿 up ("12.35 亿元"),
 * 万元 below ("3,500 万元"). Units come from the caller (translated).
 */
export function formatMoney(yuan: number | null | undefined, units: MoneyUnits, keep = 2): string {
  if (!isAmount(yuan)) return ''
  const n = Math.round(yuan)
  if (Math.abs(n) >= 100_000_000) return `${scaledText(n, YI_DECIMALS, { keep, group: true })} ${units.yi}`
  return `${scaledText(n, WAN_DECIMALS, { keep, group: true })} ${units.wan}`
}

/**
 * Integer yuan → English reading: "5.57 bn CNY" from 1 billion, "35.5 m CNY" below
 * (万元 and 亿元 have no English words; millions and billions are what readers expect).
 */
export function formatMoneyEn(yuan: number | null | undefined, keep = 2): string {
  if (!isAmount(yuan)) return ''
  const n = Math.round(yuan)
  if (Math.abs(n) >= 1_000_000_000) return `${scaledText(n, 9, { keep, group: true })} bn CNY`
  return `${scaledText(n, 6, { keep, group: true })} m CNY`
}

/** `land_mu_x100` → grouped 亩 number ("1,250.5"). */
export function formatMu(x100: number | null | undefined): string {
  if (!isAmount(x100)) return ''
  return scaledText(Math.round(x100), MU_DECIMALS, { group: true })
}

/**
 * 亩均投资 (investment intensity) in 万元/亩, two decimals, or '' without land.
 * yuan / 10^4 / (x100 / 100) = yuan / (x100 × 100), rounded half up in integer arithmetic.
 */
export function perMuWan(yuan: number | null | undefined, landX100: number | null | undefined): string {
  if (!isAmount(yuan) || !isAmount(landX100) || landX100 <= 0) return ''
  // hundredths of 万元 per mu = yuan × 100 / (x100 × 100) = yuan / x100
  const num = BigInt(Math.round(yuan))
  const den = BigInt(Math.round(landX100))
  const hundredths = (num * 2n + den) / (den * 2n)
  return scaledText(hundredths, 2, { fixed: true, group: true })
}

/** Investment size band of the API (0: < 1 亿, 1: 1–5, 2: 5–10, 3: 10–20, 4: 20–50, 5: ≥ 50 亿). */
export const BANDS = [0, 1, 2, 3, 4, 5] as const
export function bandOf(totalYuan: number): number {
  const yi = 100_000_000
  const limits = [1, 5, 10, 20, 50]
  let b = 0
  for (const l of limits) if (totalYuan >= l * yi) b++
  return b
}
