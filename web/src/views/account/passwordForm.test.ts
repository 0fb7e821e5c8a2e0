import { describe, expect, it } from 'vitest'
import { passwordFormErrors } from './passwordForm'

describe('change-password form checks', () => {
  it('asks for all three fields', () => {
    expect(passwordFormErrors({ old: '', next: '', repeat: '' })).toEqual({ old: 'required', next: 'required', repeat: 'required' })
  })
  it('wants the new password twice, the same', () => {
    expect(passwordFormErrors({ old: 'a', next: 'Abc#12345', repeat: 'Abc#1234' })).toEqual({ repeat: 'mismatch' })
    expect(passwordFormErrors({ old: 'a', next: 'Abc#12345', repeat: 'Abc#12345' })).toEqual({})
  })
  it('leaves strength and reuse to the server (its weak_password words are shown)', () => {
    expect(passwordFormErrors({ old: 'Same#2026', next: 'Same#2026', repeat: 'Same#2026' })).toEqual({})
    expect(passwordFormErrors({ old: 'x', next: 'short', repeat: 'short' })).toEqual({})
  })
})
