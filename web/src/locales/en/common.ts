export default {
  app: {
    title: 'Investment Attraction Pipeline Platform',
    shortTitle: 'Zhaoshang',
  },
  lang: {
    label: 'Language',
    'zh-CN': '简体中文',
    en: 'English',
  },
  langShort: {
    'zh-CN': '中',
    en: 'EN',
  },
  demo: {
    banner: 'Demo environment — all data here is fictitious; do not enter real information',
    accounts: 'Demo accounts: {accounts}; password for all: {password}',
  },
  actions: {
    save: 'Save',
    cancel: 'Cancel',
    confirm: 'OK',
    search: 'Search',
    reset: 'Reset',
    create: 'Create',
    edit: 'Edit',
    refresh: 'Refresh',
  },
  labels: {
    yes: 'Yes',
    no: 'No',
    actions: 'Actions',
    colon: ': ',
    paren: '{text} ({extra})',
  },
}
