// 图表: ECharts through `echarts/core` with only what the cockpit and statistics pages will draw:
// bar, line and pie charts on a grid, with tooltip and legend, on canvas. Pages import from here,
// never from 'echarts' itself (that would bring the whole library back).
import * as echarts from 'echarts/core'
import { BarChart, LineChart, PieChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import { CanvasRenderer } from 'echarts/renderers'
import type { ComposeOption, ECharts } from 'echarts/core'
import type { BarSeriesOption, LineSeriesOption, PieSeriesOption } from 'echarts/charts'
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components'
import type { AppLocale } from '@/locales'

echarts.use([BarChart, LineChart, PieChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer])

/** The options a chart of this app may use: type-checked against the registered parts only. */
export type ChartOption = ComposeOption<
  BarSeriesOption | LineSeriesOption | PieSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption
>

/** The series types registered here. */
export const CHART_TYPES = ['bar', 'line', 'pie'] as const
/** The components registered here. */
export const CHART_COMPONENTS = ['grid', 'tooltip', 'legend'] as const

/** ECharts' own texts (toolbox, no-data) follow the app language. */
export function chartLocale(locale: AppLocale): 'ZH' | 'EN' {
  return locale === 'en' ? 'EN' : 'ZH'
}

/** A chart in `el`, drawn with `option`; the caller disposes it when the element goes. */
export function createChart(el: HTMLElement, option: ChartOption, locale: AppLocale): ECharts {
  const chart = echarts.init(el, undefined, { renderer: 'canvas', locale: chartLocale(locale) })
  chart.setOption(option)
  return chart
}

export { echarts }
