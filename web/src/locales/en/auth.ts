export default {
  login: {
    title: 'Investment Attraction Pipeline Platform',
    subtitle: 'Leads · Pre-review · Negotiation · Signing · Production',
    loginPlaceholder: 'Your login',
    passwordPlaceholder: 'Your password',
    submit: 'Log in',
    loginRequired: 'Enter your login',
    passwordRequired: 'Enter your password',
  },
}
