export default {
  menu: {
    workbench: 'Workbench',
    projects: 'Project ledger',
    board: 'Project board',
    newLead: 'Report a lead',
    catalog: 'Industry catalog',
    pipelineSettings: 'Stage deadlines',
    projectDetail: 'Project',
    projectEdit: 'Edit project',
    projectImport: 'Import leads',
    orgUnits: 'Org units',
    users: 'Users',
    roles: 'Roles',
    audit: 'Audit log',
  },
  top: {
    logout: 'Log out',
    unit: 'Unit',
    loggedOut: 'Logged out',
  },
  pages: {
    forbiddenTitle: 'Access denied',
    forbiddenText: 'Your role does not allow you to open this page.',
    notFoundTitle: 'Page not found',
    notFoundText: 'The page you asked for does not exist.',
    backHome: 'Back to start',
  },
}
