// My to-dos (GET /workbench `todos`)
export default {
  title: 'My to-dos',
  empty: 'Nothing to do right now',
  kinds: {
    project: 'Project deadlines',
    routing: 'Routings to answer',
    factor_request: 'Factor requests',
    supervision: 'Supervision items',
    follow_up: 'Follow-ups',
  },
  tags: {
    project: 'Project',
    routing: 'Routing',
    factor_request: 'Factor',
    supervision: 'Supervision',
    follow_up: 'Follow-up',
  },
  followUps: {
    lead_response: 'First contact on a new lead',
    progress_report: 'Regular progress report',
  },
  supervisionReplied: 'Replied: to review',
  priorities: {
    normal: 'Normal',
    urgent: 'Urgent',
    critical: 'Critical',
  },
  deadline: 'by {date}',
  noDeadline: 'no deadline',
  more: 'Showing the first {shown} of {total}',
  seeAll: 'See all',
  park: 'Park: {park}',
  routingFilter: 'Only this project’s routings',
}
