export default {
  reasons: {
    required: 'Required',
    wrong_type: 'Wrong type',
    unknown_field: 'Unknown field',
    too_long: 'Too long',
    invalid_value: 'Invalid value',
    not_found: 'Not found',
    too_short: 'At least 8 characters',
    too_few_classes: 'Use at least 3 of: upper case, lower case, digit, symbol',
    contains_login: 'Must not contain the login',
    already_exists: 'Already taken',
    role_conflict: 'Conflict: an administrator role must be held alone',
    bad_check_character: 'Wrong check character; verify the credit code',
    invalid_format: 'Invalid format',
    in_future: 'Must not be in the future',
    exceeds_total: 'Must not exceed the total investment',
    too_many: 'Too many entries',
    not_a_promoter: 'Not a promoter of this project',
  },
  password: {
    hint: 'At least 8 characters; at least 3 of upper case, lower case, digit, symbol; must not contain the login',
  },
}
