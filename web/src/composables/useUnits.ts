import { computed, ref } from 'vue'
import { listUnits, type OrgApi } from '@/api/org'
import { buildTree } from '@/utils/tree'

/** The org-unit list of GET /org/units, with its tree and an id → unit index. */
export function useUnits(opts: { silent?: boolean } = {}) {
  const units = ref<OrgApi.Unit[]>([])
  const loading = ref(false)
  const tree = computed(() => buildTree(units.value))
  const byId = computed(() => new Map(units.value.map((u) => [u.id, u])))

  async function load(): Promise<void> {
    loading.value = true
    try {
      units.value = (await listUnits({ silent: opts.silent })).items
    } catch {
      units.value = []
    } finally {
      loading.value = false
    }
  }

  return { units, tree, byId, loading, load }
}
