import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import * as authApi from '@/api/auth'
import type { AuthApi } from '@/api/auth'

export const useAuthStore = defineStore('auth', () => {
  const user = ref<AuthApi.User | null>(null)
  /** Sent as X-CSRF-Token on every non-GET request. */
  const csrfToken = ref<string | null>(null)
  /** Whether /auth/me has been asked once since the page loaded. */
  const checked = ref(false)

  const permissions = computed(() => user.value?.permissions ?? [])
  const isAuthenticated = computed(() => user.value !== null)
  /** The router allows only the change-password page while this holds. */
  const mustChangePassword = computed(() => user.value?.must_change_password === true)

  function setSession(s: AuthApi.Session): void {
    user.value = s.user
    csrfToken.value = s.csrf_token
    checked.value = true
  }

  function clear(): void {
    user.value = null
    csrfToken.value = null
    checked.value = true
  }

  /** A 403 password_change_required from any call: the server says so even if /auth/me did not yet. */
  function requirePasswordChange(): void {
    if (user.value) user.value = { ...user.value, must_change_password: true }
  }

  function can(...perms: string[]): boolean {
    return perms.some((p) => permissions.value.includes(p))
  }

  async function fetchMe(): Promise<void> {
    try {
      setSession(await authApi.me())
    } catch {
      clear()
    }
  }

  async function login(loginName: string, password: string): Promise<void> {
    setSession(await authApi.login(loginName, password))
  }

  async function logout(): Promise<void> {
    try {
      await authApi.logout()
    } finally {
      clear()
    }
  }

  return {
    user,
    csrfToken,
    checked,
    permissions,
    isAuthenticated,
    mustChangePassword,
    setSession,
    clear,
    requirePasswordChange,
    can,
    fetchMe,
    login,
    logout,
  }
})
