export default {
  invalid_json: 'The request was malformed',
  invalid_argument: 'Some input is invalid; check the highlighted fields',
  weak_password:
    'Password too weak: at least 8 characters, 3 of upper case, lower case, digit, symbol, and not containing the login',
  unauthenticated: 'Your session has expired; please log in again',
  invalid_credentials: 'Wrong login or password',
  account_locked: 'Account locked; try again in 15 minutes',
  account_locked_until: 'Account locked until {time}; to unlock it sooner, ask the system administrator to reset the password',
  account_disabled: 'This account is disabled; contact the system administrator',
  forbidden: 'You are not allowed to do this',
  csrf_failed: 'Security check failed; reload the page and try again',
  not_found: 'Not found or already deleted',
  method_not_allowed: 'Operation not supported',
  version_conflict: 'Someone else changed this record; reload and try again',
  already_exists: 'A record with this name already exists',
  payload_too_large: 'The submitted content is too large',
  unsupported_media_type: 'Unsupported content type',
  rate_limited: 'Too many login attempts; please wait and try again',
  rate_limited_retry: 'Too many login attempts; try again in {seconds} seconds',
  password_change_required: 'An administrator reset your password; please change it first',
  admin_account_protected: 'Administrator accounts are protected and can only be maintained from the command line',
  already_promoter: 'You already promote this project',
  transition_not_allowed: 'This stage change is not possible from the current stage',
  guard_failed: 'The stage change needs more information; fill in the required fields',
  in_use: 'Still in use and cannot be deleted (e.g. projects belong to this chain node)',
  use_routing: 'A project reaches a park only by routing and the park accepting: use “Route” on the project page',
  quorum_not_met: 'A project lacks its quorum; the round cannot close',
  invalid_file: 'The file cannot be read; use the import template (.xlsx), or a UTF-8 / GBK .csv file',
  invalid_file_columns: 'The file lacks required columns: {columns}. Use the header row of the import template',
  invalid_file_reasons: {
    required: 'The file is empty; fill in the import template',
    too_many: 'At most 5,000 rows per file; split it and import the parts one by one',
  },
  // field reasons that say more than the error code
  fieldReasons: {
    too_many_rows: 'More than 100,000 rows match; narrow the filters to export',
    exceeds_investment: 'Capital in place would exceed the contracted (or total) investment',
    reused: 'The new password must differ from your last 5 passwords',
  },
  // a reason that means something particular on one field: fieldMessages.<field>.<reason>
  fieldMessages: {
    join_project_id: {
      invalid_value: 'That project is not among the possible duplicates of this investor; check the investor name or credit code',
      already_promoter: 'You already promote this project',
    },
    old_password: {
      invalid_value: 'The current password is wrong',
    },
  },
  listSeparator: ', ',
  bad_response: 'The server sent an answer that cannot be read; try again later',
  role_conflict:
    'Role conflict: one account may not hold two administrator roles, nor an administrator role with a business role',
  internal: 'Internal server error; try again later or contact the administrator',
  network: 'Cannot reach the server; check the network',
  unknown: 'The operation failed',
}
