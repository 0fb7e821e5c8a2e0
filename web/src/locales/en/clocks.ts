// Working-day calendar and clocks (docs/api.md "Calendar and clocks")
export default {
  states: {
    on_time: 'On time',
    due_soon: 'Due soon',
    overdue: 'Overdue',
    unknown: 'Unknown',
  },
  ledger: {
    column: 'Clock',
    filter: 'Clock',
  },
}
