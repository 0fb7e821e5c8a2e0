export default {
  page: {
    title: 'Audit log',
    actor: 'Actor',
    action: 'Action',
    objectType: 'Object type',
    start: 'From',
    end: 'To',
  },
  columns: {
    id: 'No.',
    at: 'Time',
    actor: 'Actor',
    unit: 'Unit',
    source: 'Source',
    action: 'Action',
    object: 'Object',
    requestId: 'Request ID',
    diff: 'Changes',
  },
  actions: {
    auth: {
      login: 'Login',
      login_failed: 'Login failed',
      login_locked: 'Account locked',
      logout: 'Logout',
      password_change: 'Password changed',
    },
    user: {
      create: 'User created',
      update: 'User changed',
      roles: 'Roles assigned',
      password_reset: 'Password reset',
    },
    org: {
      unit_create: 'Unit created',
      unit_update: 'Unit changed',
    },
  },
  objectTypes: {
    user: 'User',
    org_unit: 'Unit',
    session: 'Session',
  },
  verify: {
    button: 'Verify chain',
    ok: 'Audit chain intact: {checked} records checked; keyed checkpoints: {checkpoints}',
    broken: 'Audit chain broken at record {id} ({checked} records checked)',
    brokenAnchor:
      'Audit chain broken: a checkpoint or the anchor file disagrees with the records; rows may have been deleted or rewritten ({checked} records checked)',
    detail: 'Details: {reason}',
  },
}
