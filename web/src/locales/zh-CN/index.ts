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
import parks from './parks'
import matching from './matching'
import fit from './fit'
import routing from './routing'
import review from './review'
import account from './account'
import escalation from './escalation'
import notifyPrefs from './notifyPrefs'
import robots from './robots'
import help from './help'
import clocks from './clocks'
import factors from './factors'
import todos from './todos'
import inbox from './inbox'
import supervision from './supervision'
import attachments from './attachments'
import policies from './policies'
import checklists from './checklists'
import guide from './guide'
import training from './training'
import qa from './qa'

export default {
  common,
  layout,
  auth,
  errors,
  validation,
  org,
  roles,
  users,
  audit,
  workbench,
  pipeline,
  catalog,
  parks,
  matching,
  fit,
  routing,
  review,
  account,
  escalation,
  notifyPrefs,
  robots,
  help,
  clocks,
  factors,
  todos,
  inbox,
  supervision,
  attachments,
  policies,
  checklists,
  guide,
  training,
  qa,
}
