import { describe, expect, it } from 'vitest'
import { checkUscc, usccCheckCharacter } from './uscc'

describe('unified social credit code (GB 32100-2015)', () => {
  it('accepts real registered codes', () => {
    for (const c of ['91440300708461136T', '91330100716105852F', '91110108551385082Q']) expect(checkUscc(c), c).toBeNull()
  })

  it('accepts lower case and blanks around it', () => {
    expect(checkUscc(' 91330100716105852f ')).toBeNull()
  })

  it('reports a wrong check character with the server reason code', () => {
    expect(checkUscc('91330100716105852E')).toBe('bad_check_character')
    expect(checkUscc('911100001000013741')).toBe('bad_check_character')
  })

  it('reports length, alphabet and region-code problems as invalid_format', () => {
    for (const c of ['', '9133010071610585', '91330100716105852FF', '91330100716105852I', '9133A100716105852F', '91330100716105852-'])
      expect(checkUscc(c), c).toBe('invalid_format')
  })

  it('computes a check character of 0 when the sum is a multiple of 31', () => {
    // any 17 characters whose weighted sum ≡ 0 (mod 31) map to "0", not to the 32nd letter
    expect(usccCheckCharacter('00000000000000000')).toBe('0')
  })
})
