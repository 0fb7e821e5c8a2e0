export default {
  greeting: {
    morning: 'Good morning, {name}',
    afternoon: 'Good afternoon, {name}',
    evening: 'Good evening, {name}',
  },
  info: {
    unit: 'Unit',
    unitKind: 'Unit kind',
    roles: 'My roles',
    usersInUnit: 'Users in my unit',
    lastLogin: 'Latest login',
    firstLogin: 'First login',
  },
}
