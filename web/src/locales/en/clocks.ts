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
  calendar: {
    title: 'Working calendar',
    explain:
      'Every deadline counts working days: Monday to Friday work, weekends rest, except the public holidays and make-up working days on this calendar.',
    explainEdit:
      'Click a day to make it a working day or a day off, or import a whole schedule (.csv or .xlsx with columns date, kind, name).',
    prevYear: 'Previous year',
    nextYear: 'Next year',
    thisYear: 'This year',
    year: '{year}',
    import: 'Import',
    importConfirm: 'Importing replaces the marked holidays and make-up working days of every year in the file. Import “{file}”?',
    importTitle: 'Import the working calendar',
    imported: '{days} days imported ({years})',
    importFailed: 'The file has errors; nothing was imported:',
    badFile: 'Choose a .csv or .xlsx file',
    line: 'Line {line}: {reason}',
    lineReasons: {
      invalid_date: 'invalid date (use YYYY-MM-DD)',
      invalid_kind: 'invalid kind (use holiday or workday)',
      duplicate_date: 'date listed twice',
      too_long: 'name too long',
      invalid_value: 'invalid content',
    },
    fileReasons: {
      required: 'The file is empty',
      too_many_rows: 'The file has too many rows',
    },
    weekdays: ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'],
    weekdayNames: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
    months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
    legend: {
      workday: 'Working day',
      rest: 'Weekend',
      holiday: 'Holiday',
      makeup: 'Make-up working day',
      today: 'Today',
    },
    badge: {
      holiday: 'H',
      makeup: 'W',
    },
    kinds: {
      workday: 'Working day',
      rest: 'Day off (weekend)',
      holiday: 'Holiday (day off)',
      makeup: 'Make-up working day',
    },
    dayTitle: '{weekday} {date}',
    dialog: {
      title: 'Set {weekday} {date}',
      now: 'Now: {state}',
      working: 'This day is',
      work: 'A working day',
      rest: 'A day off',
      name: 'Name',
      namePlaceholder: 'e.g. National Day (optional)',
      hint: 'A day set to what its weekday says (weekdays work, weekends rest) loses its mark.',
      saved: '{date} is now: {state}',
    },
  },
}
