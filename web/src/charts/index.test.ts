// The chart module registers bar, line and pie with grid, tooltip and legend, and nothing the app
// does not draw (the point of echarts/core: the rest stays out of the bundle).
import { describe, expect, it, vi } from 'vitest'

// Only init is replaced (happy-dom has no canvas); registration is the real one.
vi.mock('echarts/core', async (orig) => ({ ...(await orig<typeof import('echarts/core')>()), init: vi.fn() }))

import { init } from 'echarts/core'
import { CHART_COMPONENTS, CHART_TYPES, chartLocale, createChart, echarts } from './index'

// ECharts' class registry (typed loosely in its declarations).
const models = echarts.ComponentModel as unknown as { getClass(main: string, sub?: string): unknown; hasClass(main: string): boolean }
const views = echarts.ChartView as unknown as { getClass(type: string): unknown }

describe('charts', () => {
  it('registers the chart types and components the pages need', () => {
    for (const type of CHART_TYPES) {
      expect(models.getClass('series', type), `series.${type}`).toBeTruthy()
      expect(views.getClass(type), `view ${type}`).toBeTruthy()
    }
    for (const c of CHART_COMPONENTS) expect(models.hasClass(c), c).toBe(true)
  })

  it('leaves out what is not used', () => {
    for (const type of ['scatter', 'map', 'radar', 'gauge', 'sankey']) expect(models.getClass('series', type), type).toBeFalsy()
    for (const c of ['geo', 'toolbox', 'dataZoom', 'visualMap', 'timeline', 'title']) expect(models.hasClass(c), c).toBe(false)
  })

  it('follows the app language', () => {
    expect(chartLocale('zh-CN')).toBe('ZH')
    expect(chartLocale('en')).toBe('EN')
  })

  it('creates a canvas chart with the option and the locale', () => {
    const chart = { setOption: vi.fn() }
    vi.mocked(init).mockReturnValue(chart as never)
    const el = document.createElement('div')
    const option = {
      xAxis: { type: 'category' as const, data: ['2025', '2026'] },
      yAxis: {},
      series: [{ type: 'bar' as const, data: [3, 5] }],
    }
    expect(createChart(el, option, 'en')).toBe(chart)
    expect(init).toHaveBeenCalledWith(el, undefined, { renderer: 'canvas', locale: 'EN' })
    expect(chart.setOption).toHaveBeenCalledWith(option)
  })
})
