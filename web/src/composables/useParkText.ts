import { useI18n } from 'vue-i18n'
import type { ParkApi } from '@/api/parks'
import { formatMu, scaledText, WAN_DECIMALS } from '@/utils/money'

/** Words and numbers of a park profile (carriers, thresholds, utilities), in the user's language. */
export function useParkText() {
  const { t, locale } = useI18n()
  const int = (n: number | null | undefined) => (n ?? 0).toLocaleString('en-US')

  /** "120.5 亩 · 工业用地" / "12,000 平方米 · 3 层 · 1,000 千克/平方米". */
  function carrierSize(c: ParkApi.Carrier): string {
    if (c.kind === 'land') {
      const parts = [`${formatMu(c.area_mu_x100)} ${t('parks.units.mu')}`]
      if (c.land_use) parts.push(t(`parks.carrier.landUses.${c.land_use}`))
      return parts.join(' · ')
    }
    const parts = [`${int(c.floor_area_m2)} ${t('parks.units.m2')}`]
    if (c.floors) parts.push(`${c.floors} ${t('parks.carrier.units.floors')}`)
    if (c.floor_load_kg_m2) parts.push(`${int(c.floor_load_kg_m2)} ${t('parks.carrier.units.kgPerM2')}`)
    return parts.join(' · ')
  }

  /** "25 万元/亩", "出租 12 元/平方米·月", "面议". */
  function carrierPrice(c: ParkApi.Carrier): string {
    if (c.kind === 'land') {
      return c.price_yuan_per_mu
        ? `${scaledText(c.price_yuan_per_mu, WAN_DECIMALS, { group: true })} ${t('parks.carrier.units.perMu')}`
        : t('parks.carrier.negotiable')
    }
    const parts: string[] = []
    if (c.lease !== 'sale')
      parts.push(
        `${t('parks.carrier.leases.rent')} ${c.rent_yuan_per_m2_month ? `${int(c.rent_yuan_per_m2_month)} ${t('parks.carrier.units.perM2Month')}` : t('parks.carrier.negotiable')}`,
      )
    if (c.lease !== 'rent')
      parts.push(
        `${t('parks.carrier.leases.sale')} ${c.sale_yuan_per_m2 ? `${int(c.sale_yuan_per_m2)} ${t('parks.carrier.units.perM2')}` : t('parks.carrier.negotiable')}`,
      )
    return parts.join(locale.value === 'en' ? '; ' : '；')
  }

  /** A threshold in yuan per 亩 → "300 万元/亩" (or per year), or "未设". */
  function threshold(yuanPerMu: number | null | undefined, perYear: boolean): string {
    if (!yuanPerMu) return t('parks.card.noThreshold')
    return `${scaledText(yuanPerMu, WAN_DECIMALS, { keep: 2, group: true })} ${t(perYear ? 'parks.units.perMuYear' : 'parks.units.perMu')}`
  }

  const UTILITY_UNITS: Record<string, string> = {
    power_kva: 'parks.units.kva',
    water_t_per_day: 'parks.units.tPerDay',
    gas_m3_per_day: 'parks.units.m3PerDay',
    steam_t_per_hour: 'parks.units.tPerHour',
  }
  /** "80,000 kVA"; empty when the capacity is not stated. */
  function utility(field: string, n: number | null | undefined): string {
    if (!n) return ''
    return `${int(n)} ${t(UTILITY_UNITS[field] ?? '')}`
  }

  return { carrierSize, carrierPrice, threshold, utility }
}
