export default {
  page: {
    title: 'Audit log',
    actor: 'Actor',
    action: 'Action',
    objectType: 'Object type',
    timeRange: 'Time range',
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
  verify: {
    button: 'Verify chain',
    ok: 'Audit chain intact: {checked} records checked',
    broken: 'Audit chain broken at record {id} ({checked} records checked)',
  },
}
