// The checks the change-password form makes before asking the server. Strength, the login and
// the last 5 passwords are the server's to judge (weak_password), so its words are the ones shown.
export interface PasswordForm {
  old: string
  next: string
  repeat: string
}

export type PasswordFormErrors = Partial<Record<keyof PasswordForm, 'required' | 'mismatch'>>

export function passwordFormErrors(f: PasswordForm): PasswordFormErrors {
  const out: PasswordFormErrors = {}
  if (!f.old) out.old = 'required'
  if (!f.next) out.next = 'required'
  if (!f.repeat) out.repeat = 'required'
  else if (f.next && f.repeat !== f.next) out.repeat = 'mismatch'
  return out
}
