import { createApp } from 'vue'
import { createPinia } from 'pinia'
// Element Plus components come on demand (vite.config.ts); the services called from scripts bring
// their CSS here, with the base variables every component needs.
import 'element-plus/theme-chalk/base.css'
import 'element-plus/es/components/message/style/css'
import 'element-plus/es/components/message-box/style/css'
import App from './App.vue'
import { i18n, currentLocale, setLocale } from './locales'
import { createAppRouter } from './router'
import { PASSWORD_ROUTE } from './router/guard'
import { configureHttp } from './api/http'
import { useAuthStore } from './stores/auth'
import { useSessionStore } from './stores/session'
import './styles.css'

const app = createApp(App)
const pinia = createPinia()
app.use(pinia)
app.use(i18n)
const router = createAppRouter()
app.use(router)

const auth = useAuthStore(pinia)
const session = useSessionStore(pinia)
configureHttp({
  onActivity: () => session.touch(),
  csrfToken: () => auth.csrfToken,
  onUnauthorized: () => {
    // The session ended server-side (idle timeout, logout elsewhere): back to the login page.
    auth.clear()
    const here = router.currentRoute.value
    if (here.name !== 'login') {
      void router.replace({ name: 'login', query: here.fullPath !== '/' ? { redirect: here.fullPath } : {} })
    }
  },
  onPasswordChangeRequired: () => {
    // An administrator reset the password meanwhile: the guard now allows only the change page.
    auth.requirePasswordChange()
    if (router.currentRoute.value.name !== PASSWORD_ROUTE) void router.replace({ name: PASSWORD_ROUTE })
  },
})

setLocale(currentLocale())
app.mount('#app')
