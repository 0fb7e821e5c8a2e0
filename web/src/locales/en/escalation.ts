// Escalation (docs/api.md "Escalation and the scheduler"): the tiers an overdue item rises through,
// the workbench block and the words of an `escalated` step in a timeline.
export default {
  tiers: {
    responsible: 'Responsible',
    unit_head: 'Unit head',
    coordinator: 'Coordinator',
    leader: 'Leader in charge',
  },
  /** the tier as the object of "raised to …" */
  tierTo: {
    responsible: 'the responsible person or unit',
    unit_head: 'the unit head',
    coordinator: 'the coordinating bureau',
    leader: 'the leader in charge',
  },
  otherTier: 'the next level',
  objects: {
    project: 'Project',
    routing: 'Routing',
    factor_request: 'Factor request',
    supervision_item: 'Supervision',
    other: 'Item',
  },
  line: {
    reminded: 'Overdue: the responsible person or unit reminded',
    remindedDays:
      '{days} working day overdue: the responsible person or unit reminded | {days} working days overdue: the responsible person or unit reminded',
    raised: 'Overdue: raised to {tier}',
    raisedDays: '{days} working day overdue: raised to {tier} | {days} working days overdue: raised to {tier}',
    routing: 'Routing answer — {line}',
    deadline: ' (deadline {date})',
    event: 'Escalated',
  },
  workbench: {
    title: 'Escalations',
    total: '{n} in all',
    hint: 'Overdue items rise step by step — responsible person or unit → unit head → coordinating bureau → leader in charge — newest first; click one to handle it.',
    deadline: 'Deadline {date}',
    at: 'Raised {time}',
  },
}
