// Group robots (docs/api.md "Group robots (群机器人) and their delivery log"): system administrator only.
export default {
  page: {
    title: 'Group robots',
    explain:
      'With a WeCom or DingTalk group robot set up for a unit, the notifications sent to its staff (except the daily digest) are also posted in the group. Messages are queued and sent every minute; failures are retried; see the delivery log.',
    robots: 'Robots',
    deliveries: 'Delivery log',
    add: 'Add robot',
    empty: 'No group robot yet',
  },
  kinds: {
    wecom: 'WeCom',
    dingtalk: 'DingTalk',
  },
  fields: {
    unit: 'Unit',
    kind: 'Kind',
    name: 'Name',
    url: 'Webhook URL',
    secret: 'Signing secret',
    hasSecret: 'Secret',
    enabled: 'Enabled',
    actions: 'Actions',
  },
  secret: {
    set: 'Set',
    unset: 'None',
  },
  enabled: {
    switchedOn: '“{name}” enabled',
    switchedOff: '“{name}” disabled',
  },
  actions: {
    edit: 'Edit',
    test: 'Send test message',
    log: 'Delivery log',
  },
  dialog: {
    createTitle: 'Add a group robot',
    editTitle: 'Edit group robot',
    unitPlaceholder: 'The unit whose notifications it posts',
    namePlaceholder: 'e.g. Power company factor group',
    urlPlaceholder: 'https://oapi.dingtalk.com/robot/send?access_token=…',
    urlHint: 'Add a robot in the group’s settings and copy its whole webhook URL (with ?key= or ?access_token=).',
    urlKeep: 'Now: {url} (the token is never shown). Leave empty to keep it; paste a whole new URL to change it.',
    secretPlaceholder: 'For DingTalk “signing”; not needed for WeCom',
    secretKeep: 'Set; leave empty to keep it',
    secretHint: 'Write-only: never shown again once saved.',
    clearSecret: 'Remove the secret',
    created: 'Group robot added',
    saved: 'Group robot saved',
    conflict: 'Someone has just changed this robot; it was read again — check it and save again',
  },
  /** a field's reason that says more on this form than the generic one */
  fieldErrors: {
    url: {
      invalid_url: 'Enter a whole address starting with http:// or https://, without a user name or password',
      required: 'Enter the webhook URL',
    },
    unit_id: {
      required: 'Choose the unit',
      not_found: 'This unit does not exist; choose another',
    },
    kind: {
      invalid_value: 'Choose WeCom or DingTalk',
    },
  },
  test: {
    queued: 'Test message queued: it will show in the delivery log within a minute',
  },
  deliveries: {
    allRobots: 'All robots',
    allStatuses: 'All statuses',
    refresh: 'Refresh',
    empty: 'Nothing sent yet',
    createdAt: 'Time',
    unit: 'Unit',
    robot: 'Robot',
    kind: 'Kind',
    title: 'Title',
    status: 'Status',
    attempts: 'Attempts',
    lastError: 'Last error',
    deliveredAt: 'Delivered',
    nextAt: 'Next try {time}',
    testKind: 'Test message',
    statuses: {
      pending: 'Pending',
      delivered: 'Delivered',
      failed: 'Failed',
    },
  },
}
