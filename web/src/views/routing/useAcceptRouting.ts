import { useI18n } from 'vue-i18n'
import { ElMessage } from 'element-plus/es/components/message/index.mjs'
import { confirmDanger } from '@/composables/confirmDanger'
import { acceptRouting, type RoutingApi } from '@/api/routings'
import { ApiError, errorMessage } from '@/api/http'

/** 接收: confirm, then POST /routings/{id}/accept; resolves with the routing, or null (cancelled/failed). */
export function useAcceptRouting() {
  const { t } = useI18n()
  return async function accept(r: RoutingApi.Routing): Promise<RoutingApi.Routing | null> {
    const ok = await confirmDanger(t('routing.accept.confirm', { name: r.project_name }), t('routing.accept.title'), {
      confirmText: t('routing.actions.accept'),
      type: 'info',
    })
    if (!ok) return null
    try {
      const done = await acceptRouting(r.id, {}, { silent: true })
      ElMessage({ type: 'success', message: t('routing.accept.done') })
      return done
    } catch (e) {
      ElMessage({ type: 'error', message: e instanceof ApiError ? errorMessage(e) : t('errors.unknown'), showClose: true, duration: 6000 })
      return null
    }
  }
}
