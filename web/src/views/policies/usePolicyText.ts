import { useI18n } from 'vue-i18n'
import type { PolicyApi } from '@/api/policies'
import { useIndustries } from '@/composables/useIndustries'
import { formatMu, formatWanNumber } from '@/utils/money'
import { grantText, periodText, reasonText, type ReasonContext } from './policyText'

/**
 * 政策库 codes → words in the user's language (never the code): levels, states, conditions, grant
 * kinds, the matcher's reasons, money in 万元. `unitName` names org units (the caller's unit list).
 */
export function usePolicyText(unitName: (id: number) => string | undefined = () => undefined) {
  const { t, te, locale } = useI18n()
  const industries = useIndustries()
  const word = (family: string, code: string | null | undefined) => {
    if (!code) return ''
    return te(`policies.${family}.${code}`) ? t(`policies.${family}.${code}`) : t(`policies.${family}.other`)
  }
  const level = (c: string | null | undefined) => word('levels', c)
  const state = (c: string | null | undefined) => word('states', c)
  const stateFilter = (c: string | null | undefined) => (c ? t(`policies.stateFilters.${c}`) : t('policies.stateFilters.all'))
  const land = (c: string | null | undefined) => word('land', c)
  const foreign = (c: string | null | undefined) => word('foreign', c)
  const grantKind = (c: string | null | undefined) => word('grantKinds', c)
  /** Integer yuan → "5,000 万元" (English "5,000 × 10k CNY"). */
  const money = (yuan: number) => t('pipeline.units.wanAmount', { n: formatWanNumber(yuan) })
  const list = (names: string[]) => names.join(locale.value === 'en' ? ', ' : '、')
  const industry = (code: string) => industries.label(code)

  const ctx: ReasonContext = {
    industry,
    unit: unitName,
    money,
    mu: (x100) => formatMu(x100),
    list,
    state: (s) => state(s),
  }

  return {
    level,
    state,
    stateFilter,
    land,
    foreign,
    grantKind,
    money,
    list,
    industry,
    /** "安庆经济技术开发区", else 「单位 #11」 */
    unit: (id: number) => unitName(id) ?? t('policies.detail.unitNumber', { id }),
    reason: (r: PolicyApi.Reason, p: Pick<PolicyApi.Policy, 'conditions'>) => reasonText(t, te, r, p, ctx),
    grant: (g: PolicyApi.Grant) => grantText(t, g, grantKind, money),
    period: (p: Pick<PolicyApi.Policy, 'effective_from' | 'expires_on'>) => periodText(t, p),
  }
}
