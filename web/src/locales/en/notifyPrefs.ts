// Notification settings on My account (GET/PUT /notifications/preferences): every kind of
// notification in words. The robots' delivery log names its messages with the same words.
export default {
  title: 'Notification settings',
  explain:
    'Choose what you are notified of in your inbox. A kind turned off no longer reaches your inbox (your unit’s group robots still post it).',
  save: 'Save settings',
  reset: 'Undo changes',
  saved: 'Notification settings saved',
  nothingChanged: 'Nothing changed',
  unsaved: 'Unsaved',
  loadFailed: 'Could not read the notification settings',
  on: 'On',
  off: 'Off',
  groups: {
    factors: 'Factor guarantees',
    supervision: 'Supervision',
    clocks: 'Overdue and reminders',
    other: 'Other',
  },
  kinds: {
    factor_raised: { label: 'New factor request', hint: 'A project asks your department for a production factor' },
    factor_passed_on: { label: 'Factor request passed on', hint: 'Another department passes a factor request to yours' },
    factor_unresolvable: {
      label: 'Factor request unresolvable',
      hint: 'A department declares a request unresolvable and it needs coordinating',
    },
    factor_resolved: { label: 'Factor request resolved', hint: 'A factor request you raised is resolved' },
    supervision_issued: { label: 'Supervision issued', hint: 'Your unit receives a supervision item' },
    supervision_replied: { label: 'Supervision replied', hint: 'A supervision item you issued gets a reply' },
    supervision_reopened: { label: 'Supervision reopened', hint: 'A supervision item of your unit is reopened' },
    overdue: {
      label: 'Overdue',
      hint: 'A project, routing, factor request or supervision item you are responsible for passes its deadline',
    },
    escalated: { label: 'Escalated', hint: 'An overdue item is raised to you (unit head, coordinating bureau, leader in charge)' },
    lead_on_agenda: { label: 'Lead put on the agenda', hint: 'A lead you reported was not judged in time and goes on a pre-review agenda' },
    routing_received: { label: 'Project routed to your park', hint: 'A project is routed to your park and waits for your answer' },
    policy_expiring: { label: 'Policy ending soon', hint: 'A policy your unit keeps ends within 90 days and needs a successor' },
    qa_answered: { label: 'Your question answered', hint: 'Someone answers a question you asked in the guide' },
    digest: { label: 'Daily digest', hint: 'Every morning: your to-dos that are due soon or overdue' },
    admin_locked: { label: 'Administrator locked out', hint: 'An administrator account is locked after repeated failed logins' },
  },
  otherKind: 'Other notifications ({kind})',
}
