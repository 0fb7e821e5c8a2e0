export default {
  password: {
    title: 'Change password',
    forcedNotice: 'An administrator reset your password; please change it first',
    forcedDetail: 'Nothing else is available until it is changed; you can still switch the language or log out.',
    oldPassword: 'Current password',
    oldPasswordForced: 'Current password (the one the administrator set)',
    newPassword: 'New password',
    confirmPassword: 'Repeat new password',
    hint: 'At least 8 characters; at least 3 of upper case, lower case, digit, symbol; must not contain the login; must differ from your last 5 passwords',
    mismatch: 'The two new passwords differ',
    submit: 'Change password',
    saved: 'Password changed; your sessions on other devices have ended',
    otherSessions: 'Changing it ends this account’s sessions in other browsers and on other devices.',
  },
}
