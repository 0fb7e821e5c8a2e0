import { createRouter, createWebHistory, type RouteRecordNormalized, type RouteRecordRaw, type Router } from 'vue-router'
import { useAuthStore } from '@/stores/auth'
import { menuPerms, type Crumb } from './menu'
import { guardDecision, PASSWORD_ROUTE } from './guard'
import { askAhead } from '@/views/projects/ledgerAhead'

declare module 'vue-router' {
  interface RouteMeta {
    /** reachable without a session */
    public?: boolean
    /** the user needs ANY of these permissions */
    perms?: string[]
    /** i18n key of the page title */
    title?: string
    /** breadcrumbs before the menu's (a page outside the menu, e.g. 个人中心 › 修改密码) */
    crumbs?: Crumb[]
  }
}

const routes: RouteRecordRaw[] = [
  {
    path: '/login',
    name: 'login',
    component: () => import('@/views/login/LoginView.vue'),
    meta: { public: true, title: 'auth.login.title' },
  },
  {
    path: '/',
    component: () => import('@/components/AppLayout.vue'),
    children: [
      // '/' has no page of its own: the guard sends the user to their first menu item.
      { path: '', name: 'home', component: () => import('@/views/errors/NotFoundView.vue') },
      {
        path: 'workbench',
        name: 'workbench',
        component: () => import('@/views/workbench/WorkbenchView.vue'),
        meta: { perms: menuPerms('/workbench'), title: 'layout.menu.workbench' },
      },
      {
        path: 'notifications',
        name: 'notifications',
        component: () => import('@/views/notifications/InboxView.vue'),
        meta: { perms: menuPerms('/notifications'), title: 'inbox.page.title' },
      },
      {
        path: 'projects',
        name: 'projects',
        component: () => import('@/views/projects/ProjectLedgerView.vue'),
        // The rows are asked for now, with the page's code, and the page waits a moment for them.
        beforeEnter: (to) => {
          prefetch(to.matched)
          return askAhead(to.query)
        },
        meta: { perms: menuPerms('/projects'), title: 'layout.menu.projects' },
      },
      {
        path: 'projects/board',
        name: 'project-board',
        component: () => import('@/views/projects/ProjectBoardView.vue'),
        meta: { perms: menuPerms('/projects/board'), title: 'layout.menu.board' },
      },
      {
        path: 'projects/new',
        name: 'project-new',
        component: () => import('@/views/projects/ProjectFormView.vue'),
        meta: { perms: menuPerms('/projects/new'), title: 'layout.menu.newLead' },
      },
      {
        path: 'projects/collisions',
        name: 'project-collisions',
        component: () => import('@/views/projects/ProjectCollisionsView.vue'),
        meta: { perms: menuPerms('/projects/collisions'), title: 'layout.menu.collisions' },
      },
      {
        // 批量导入: the same permission as reporting one lead.
        path: 'projects/import',
        name: 'project-import',
        component: () => import('@/views/projects/ProjectImportView.vue'),
        meta: { perms: menuPerms('/projects/new'), title: 'layout.menu.projectImport' },
      },
      {
        path: 'projects/:id(\\d+)',
        name: 'project-detail',
        component: () => import('@/views/projects/ProjectDetailView.vue'),
        props: (r) => ({ id: Number(r.params.id) }),
        meta: { perms: menuPerms('/projects'), title: 'layout.menu.projectDetail' },
      },
      {
        // Who may edit is decided by the server (responsible party, first promoter, coordinator).
        path: 'projects/:id(\\d+)/edit',
        name: 'project-edit',
        component: () => import('@/views/projects/ProjectFormView.vue'),
        props: (r) => ({ id: Number(r.params.id) }),
        meta: { perms: menuPerms('/projects'), title: 'layout.menu.projectEdit' },
      },
      {
        path: 'routings',
        name: 'routings',
        component: () => import('@/views/routing/RoutingsView.vue'),
        meta: { perms: menuPerms('/routings'), title: 'layout.menu.routings' },
      },
      {
        path: 'factor-requests',
        name: 'factor-requests',
        component: () => import('@/views/factors/FactorRequestsView.vue'),
        meta: { perms: menuPerms('/factor-requests'), title: 'factors.page.title' },
      },
      {
        // Outside the caller's sight the server answers 404.
        path: 'factor-requests/:id(\\d+)',
        name: 'factor-request',
        component: () => import('@/views/factors/FactorRequestView.vue'),
        props: (r) => ({ id: Number(r.params.id) }),
        meta: { perms: menuPerms('/factor-requests'), title: 'factors.detail.title' },
      },
      {
        path: 'supervision',
        name: 'supervision',
        component: () => import('@/views/supervision/SupervisionListView.vue'),
        meta: { perms: menuPerms('/supervision'), title: 'supervision.page.title' },
      },
      {
        // Outside the caller's sight the server answers 404.
        path: 'supervision/:id(\\d+)',
        name: 'supervision-item',
        component: () => import('@/views/supervision/SupervisionItemView.vue'),
        props: (r) => ({ id: Number(r.params.id) }),
        meta: { perms: menuPerms('/supervision'), title: 'supervision.detail.title' },
      },
      {
        // 督办单: a print page (the app chrome is hidden when printing).
        path: 'supervision/:id(\\d+)/print',
        name: 'supervision-print',
        component: () => import('@/views/supervision/SupervisionPrintView.vue'),
        props: (r) => ({ id: Number(r.params.id) }),
        meta: { perms: menuPerms('/supervision'), title: 'supervision.print.title' },
      },
      {
        path: 'review/rounds',
        name: 'review-rounds',
        component: () => import('@/views/review/RoundsView.vue'),
        meta: { perms: menuPerms('/review/rounds'), title: 'layout.menu.reviewRounds' },
      },
      {
        // Members see their own rounds; the server answers 404 for anyone else.
        path: 'review/rounds/:id(\\d+)',
        name: 'review-round',
        component: () => import('@/views/review/RoundDetailView.vue'),
        props: (r) => ({ id: Number(r.params.id) }),
        meta: { perms: menuPerms('/review/rounds'), title: 'layout.menu.reviewRound' },
      },
      {
        // 综合预审意见书: a print page (the app chrome is hidden when printing).
        path: 'review/rounds/:id(\\d+)/opinion/:projectId(\\d+)',
        name: 'review-opinion',
        component: () => import('@/views/review/OpinionView.vue'),
        props: (r) => ({ id: Number(r.params.id), projectId: Number(r.params.projectId) }),
        meta: { perms: menuPerms('/review/rounds'), title: 'layout.menu.reviewOpinion' },
      },
      {
        path: 'review/panels',
        name: 'review-panels',
        component: () => import('@/views/review/PanelsView.vue'),
        meta: { perms: menuPerms('/review/panels'), title: 'layout.menu.reviewPanels' },
      },
      {
        path: 'parks',
        name: 'parks',
        component: () => import('@/views/parks/ParksView.vue'),
        meta: { perms: menuPerms('/parks'), title: 'layout.menu.parks' },
      },
      {
        // Receivers edit their own park, the coordinator any; the server checks the unit.
        path: 'parks/:id(\\d+)/edit',
        name: 'park-edit',
        component: () => import('@/views/parks/ParkEditView.vue'),
        props: (r) => ({ id: Number(r.params.id) }),
        meta: { perms: ['park.write'], title: 'layout.menu.parkEdit' },
      },
      {
        // 园区名片: one printable page for promoters to carry.
        path: 'parks/:id(\\d+)/card',
        name: 'park-card',
        component: () => import('@/views/parks/ParkCardView.vue'),
        props: (r) => ({ id: Number(r.params.id) }),
        meta: { perms: menuPerms('/parks'), title: 'layout.menu.parkCard' },
      },
      {
        path: 'policies',
        name: 'policies',
        component: () => import('@/views/policies/PoliciesView.vue'),
        meta: { perms: menuPerms('/policies'), title: 'policies.page.title' },
      },
      {
        // Who keeps which policy is the server's (capabilities.edit; 403 outside the caller's scope).
        path: 'policies/new',
        name: 'policy-new',
        component: () => import('@/views/policies/PolicyFormView.vue'),
        meta: { perms: ['policy.write'], title: 'policies.form.createTitleShort' },
      },
      {
        path: 'policies/:id(\\d+)',
        name: 'policy-detail',
        component: () => import('@/views/policies/PolicyView.vue'),
        props: (r) => ({ id: Number(r.params.id) }),
        meta: { perms: menuPerms('/policies'), title: 'policies.detail.title' },
      },
      {
        path: 'policies/:id(\\d+)/edit',
        name: 'policy-edit',
        component: () => import('@/views/policies/PolicyFormView.vue'),
        props: (r) => ({ id: Number(r.params.id) }),
        meta: { perms: ['policy.write'], title: 'policies.form.editTitleShort' },
      },
      {
        path: 'guide',
        name: 'guide',
        component: () => import('@/views/guide/GuideView.vue'),
        meta: { perms: menuPerms('/guide'), title: 'guide.page.title' },
      },
      {
        // 全文搜索: the guide's articles, policies and park cards (?q=&kind=).
        path: 'guide/search',
        name: 'guide-search',
        component: () => import('@/views/guide/GuideSearchView.vue'),
        meta: { perms: menuPerms('/guide'), title: 'guide.search.title' },
      },
      {
        // 一线提问: questions from the front line, answered by the coordinator, the experts and the party
        // school (?topic=&status=&mine=1). Asking needs guide.read; answering and 收入指南 follow each
        // question's capabilities.
        path: 'guide/questions',
        name: 'guide-questions',
        component: () => import('@/views/guide/QuestionListView.vue'),
        meta: { perms: menuPerms('/guide'), title: 'qa.page.title' },
      },
      {
        path: 'guide/questions/:id(\\d+)',
        name: 'guide-question',
        component: () => import('@/views/guide/QuestionView.vue'),
        props: (r) => ({ id: Number(r.params.id) }),
        meta: { perms: menuPerms('/guide'), title: 'qa.question.title' },
      },
      {
        // 打印手册: a print page (the app chrome is hidden when printing).
        path: 'guide/booklet',
        name: 'guide-booklet',
        component: () => import('@/views/guide/BookletView.vue'),
        meta: { perms: menuPerms('/guide'), title: 'guide.booklet.pageTitle' },
      },
      {
        // Who keeps which article is the server's (capabilities; 403 out_of_scope for another unit).
        path: 'guide/articles/new',
        name: 'guide-article-new',
        component: () => import('@/views/guide/ArticleFormView.vue'),
        meta: { perms: ['guide.write'], title: 'guide.form.createTitleShort' },
      },
      {
        path: 'guide/articles/:id(\\d+)',
        name: 'guide-article',
        component: () => import('@/views/guide/ArticleView.vue'),
        props: (r) => ({ id: Number(r.params.id) }),
        meta: { perms: menuPerms('/guide'), title: 'guide.article.title' },
      },
      {
        path: 'guide/articles/:id(\\d+)/edit',
        name: 'guide-article-edit',
        component: () => import('@/views/guide/ArticleFormView.vue'),
        props: (r) => ({ id: Number(r.params.id) }),
        meta: { perms: ['guide.write'], title: 'guide.form.editTitleShort' },
      },
      {
        path: 'guide/articles/:id(\\d+)/versions',
        name: 'guide-article-versions',
        component: () => import('@/views/guide/ArticleVersionsView.vue'),
        props: (r) => ({ id: Number(r.params.id) }),
        meta: { perms: menuPerms('/guide'), title: 'guide.versions.pageTitle' },
      },
      {
        // 培训 (应知应会): courses, my standing, the sessions to come.
        path: 'training',
        name: 'training',
        component: () => import('@/views/training/TrainingView.vue'),
        meta: { perms: menuPerms('/training'), title: 'training.page.title' },
      },
      {
        // Who keeps which course is the server's (capabilities.edit; 403 out_of_scope for another unit).
        path: 'training/courses/new',
        name: 'training-course-new',
        component: () => import('@/views/training/CourseFormView.vue'),
        meta: { perms: ['training.manage'], title: 'training.form.createTitle' },
      },
      {
        path: 'training/courses/:id(\\d+)',
        name: 'training-course',
        component: () => import('@/views/training/CourseView.vue'),
        props: (r) => ({ id: Number(r.params.id) }),
        meta: { perms: menuPerms('/training'), title: 'training.course.title' },
      },
      {
        path: 'training/courses/:id(\\d+)/edit',
        name: 'training-course-edit',
        component: () => import('@/views/training/CourseFormView.vue'),
        props: (r) => ({ id: Number(r.params.id) }),
        meta: { perms: ['training.manage'], title: 'training.form.editTitleShort' },
      },
      {
        // 题库: the course's keepers (the server answers 403 to anyone else).
        path: 'training/courses/:id(\\d+)/questions',
        name: 'training-questions',
        component: () => import('@/views/training/QuestionsView.vue'),
        props: (r) => ({ id: Number(r.params.id) }),
        meta: { perms: ['training.manage'], title: 'training.questions.title' },
      },
      {
        path: 'training/sessions/:id(\\d+)',
        name: 'training-session',
        component: () => import('@/views/training/SessionView.vue'),
        props: (r) => ({ id: Number(r.params.id) }),
        meta: { perms: menuPerms('/training'), title: 'training.session.title' },
      },
      {
        // 签到二维码: projected in the training room.
        path: 'training/sessions/:id(\\d+)/qr',
        name: 'training-session-qr',
        component: () => import('@/views/training/SessionQrView.vue'),
        props: (r) => ({ id: Number(r.params.id) }),
        meta: { perms: ['training.manage'], title: 'training.qr.title' },
      },
      {
        // The QR code's address (?code=); signed out, the login page comes back here.
        path: 'training/sign-in/:id(\\d+)',
        name: 'training-sign-in',
        component: () => import('@/views/training/SignInView.vue'),
        props: (r) => ({ id: Number(r.params.id) }),
        meta: { perms: menuPerms('/training'), title: 'training.signIn.title' },
      },
      {
        // One's own attempts only (the server answers 404 for another's).
        path: 'training/attempts/:id(\\d+)',
        name: 'training-attempt',
        component: () => import('@/views/training/AttemptView.vue'),
        props: (r) => ({ id: Number(r.params.id) }),
        meta: { perms: menuPerms('/training'), title: 'training.attempt.title' },
      },
      {
        // 结业证书: a print page (A4 landscape; the app chrome is hidden when printing).
        path: 'training/certificates/:id(\\d+)',
        name: 'training-certificate',
        component: () => import('@/views/training/CertificateView.vue'),
        props: (r) => ({ id: Number(r.params.id) }),
        meta: { perms: menuPerms('/training'), title: 'training.certificate.pageTitle' },
      },
      {
        path: 'training/completion',
        name: 'training-completion',
        component: () => import('@/views/training/CompletionView.vue'),
        meta: { perms: ['training.report'], title: 'training.completion.title' },
      },
      {
        path: 'catalog',
        name: 'catalog',
        component: () => import('@/views/catalog/CatalogView.vue'),
        meta: { perms: menuPerms('/catalog'), title: 'layout.menu.catalog' },
      },
      {
        // 阶段期限: coordinator only (the API's GET needs just project.read, but nobody else needs the page).
        path: 'pipeline/settings',
        name: 'pipeline-settings',
        component: () => import('@/views/pipeline/PipelineSettingsView.vue'),
        meta: { perms: menuPerms('/pipeline/settings'), title: 'layout.menu.pipelineSettings' },
      },
      {
        path: 'calendar',
        name: 'calendar',
        component: () => import('@/views/calendar/CalendarView.vue'),
        meta: { perms: menuPerms('/calendar'), title: 'clocks.calendar.title' },
      },
      {
        path: 'org/units',
        name: 'org-units',
        component: () => import('@/views/org/OrgUnitsView.vue'),
        meta: { perms: menuPerms('/org/units'), title: 'layout.menu.orgUnits' },
      },
      {
        path: 'users',
        name: 'users',
        component: () => import('@/views/users/UsersView.vue'),
        meta: { perms: menuPerms('/users'), title: 'layout.menu.users' },
      },
      {
        path: 'roles',
        name: 'roles',
        component: () => import('@/views/roles/RolesView.vue'),
        meta: { perms: menuPerms('/roles'), title: 'layout.menu.roles' },
      },
      {
        // 群机器人: the system administrator's (robot.manage); ?tab=deliveries opens the delivery log.
        path: 'robots',
        name: 'robots',
        component: () => import('@/views/robots/RobotsView.vue'),
        meta: { perms: menuPerms('/robots'), title: 'robots.page.title' },
      },
      {
        path: 'audit',
        name: 'audit',
        component: () => import('@/views/audit/AuditView.vue'),
        meta: { perms: menuPerms('/audit'), title: 'layout.menu.audit' },
      },
      {
        // 个人中心: every signed-in user (no permission).
        path: 'account',
        name: 'account',
        component: () => import('@/views/account/AccountView.vue'),
        meta: { title: 'account.center.title' },
      },
      {
        // 修改密码: every signed-in user (no permission), and the only page while must_change_password.
        path: 'account/password',
        name: PASSWORD_ROUTE,
        component: () => import('@/views/account/ChangePasswordView.vue'),
        meta: { title: 'account.password.title', crumbs: [{ title: 'account.center.title', path: '/account' }] },
      },
      {
        path: '403',
        name: 'forbidden',
        component: () => import('@/views/errors/ForbiddenView.vue'),
        meta: { title: 'layout.pages.forbiddenTitle' },
      },
      {
        path: ':pathMatch(.*)*',
        name: 'not-found',
        component: () => import('@/views/errors/NotFoundView.vue'),
        meta: { title: 'layout.pages.notFoundTitle' },
      },
    ],
  },
]

/** Start loading the lazy components of the matched routes (the module cache keeps the result). */
function prefetch(matched: readonly RouteRecordNormalized[]): void {
  for (const r of matched)
    for (const c of Object.values(r.components ?? {}))
      if (typeof c === 'function') void Promise.resolve((c as () => unknown)()).catch(() => undefined)
}

export function installGuards(router: Router): void {
  router.beforeEach(async (to) => {
    const auth = useAuthStore()
    if (!auth.checked) {
      // The first navigation waits for /auth/me: fetch the page's code meanwhile, not after.
      prefetch(to.matched)
      await auth.fetchMe()
    }
    return guardDecision(to, {
      permissions: auth.user ? auth.permissions : null,
      mustChangePassword: auth.mustChangePassword,
    })
  })
}

export function createAppRouter(): Router {
  const router = createRouter({ history: createWebHistory('/'), routes })
  installGuards(router)
  return router
}
