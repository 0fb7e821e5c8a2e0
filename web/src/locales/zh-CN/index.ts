import common from './common'
import layout from './layout'
import auth from './auth'
import errors from './errors'
import validation from './validation'
import org from './org'
import roles from './roles'
import users from './users'
import audit from './audit'
import workbench from './workbench'
import pipeline from './pipeline'
import catalog from './catalog'

export default { common, layout, auth, errors, validation, org, roles, users, audit, workbench, pipeline, catalog }
