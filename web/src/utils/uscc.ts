// 统一社会信用代码 (unified social credit code), GB 32100-2015: 18 characters from a
// 31-character alphabet (digits and capitals without I, O, S, V, Z); the last is a check
// character over the first 17 (weights 3^i mod 31). The server checks the same way and
// answers `fields.uscc` = `invalid_format` or `bad_check_character`; the form uses the
// same reason codes so the user reads the same text before and after submitting.

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
const FORMAT = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/

export type UsccProblem = 'invalid_format' | 'bad_check_character'

/** The check character for the first 17 characters (which must be in the alphabet). */
export function usccCheckCharacter(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(first17[i]) * WEIGHTS[i]
  return ALPHABET[(31 - (sum % 31)) % 31]
}

/** null when valid; the server's reason code otherwise. Blanks are dropped and lower case is upper-cased, as on the server. */
export function checkUscc(raw: string): UsccProblem | null {
  const s = raw.replace(/\s+/g, '').toUpperCase()
  if (!FORMAT.test(s)) return 'invalid_format'
  return usccCheckCharacter(s.slice(0, 17)) === s[17] ? null : 'bad_check_character'
}
