// 工作日历: editing follows the server's capabilities.edit; an import's refused lines read as
// 「第 N 行：…」 in the user's language.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createMemoryHistory, createRouter } from 'vue-router'
import { ApiError } from '@/api/http'
import { i18n, setLocale } from '@/locales'
import type { ClocksApi } from '@/api/clocks'

vi.mock('@/api/clocks', async (orig) => ({
  ...(await orig<typeof import('@/api/clocks')>()),
  getCalendar: vi.fn(),
  importCalendar: vi.fn(),
}))
vi.mock('@/composables/confirmDanger', () => ({ confirmDanger: vi.fn(async () => true) }))

import { getCalendar, importCalendar } from '@/api/clocks'
import CalendarView from './CalendarView.vue'

const get = getCalendar as unknown as ReturnType<typeof vi.fn>
const upload = importCalendar as unknown as ReturnType<typeof vi.fn>

function calendar(edit: boolean): ClocksApi.Calendar {
  const days: ClocksApi.Day[] = []
  for (let d = new Date(Date.UTC(2026, 0, 1)); d.getUTCFullYear() === 2026; d.setUTCDate(d.getUTCDate() + 1)) {
    const date = d.toISOString().slice(0, 10)
    const weekend = d.getUTCDay() === 0 || d.getUTCDay() === 6
    days.push({ date, working: !weekend, marked: null, name: '' })
  }
  const oct1 = days.find((d) => d.date === '2026-10-01')!
  Object.assign(oct1, { working: false, marked: 'holiday', name: '国庆节' })
  const oct10 = days.find((d) => d.date === '2026-10-10')!
  Object.assign(oct10, { working: true, marked: 'workday', name: '国庆节调休上班' })
  return { year: 2026, today: '2026-12-01', days, capabilities: { edit } }
}

async function setup(edit: boolean) {
  get.mockResolvedValue(calendar(edit))
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/calendar', component: { template: '<div/>' } }] })
  await router.push('/calendar')
  const w = mount(CalendarView, {
    global: {
      plugins: [ElementPlus, i18n, router],
      stubs: { CalendarDayDialog: { props: ['open', 'day'], template: '<div data-testid="day-dialog" :data-open="String(open)" />' } },
    },
    attachTo: document.body,
  })
  await flushPromises()
  return w
}

describe('工作日历', () => {
  beforeEach(() => {
    get.mockReset()
    upload.mockReset()
  })
  afterEach(() => {
    setLocale('zh-CN')
    document.body.innerHTML = ''
  })

  it('marks holidays 休, make-up days 班 and today', async () => {
    const w = await setup(false)
    expect(w.find('[data-testid="calendar-day-2026-10-01"]').attributes('data-kind')).toBe('holiday')
    expect(w.find('[data-testid="calendar-day-2026-10-01"]').text()).toContain('休')
    expect(w.find('[data-testid="calendar-day-2026-10-10"]').text()).toContain('班')
    expect(w.find('[data-testid="calendar-day-2026-10-10"]').attributes('title')).toContain('国庆节调休上班')
    expect(w.find('[data-testid="calendar-day-2026-12-01"]').classes()).toContain('today')
    expect(w.findAll('[data-testid^="calendar-month-"]')).toHaveLength(12)
  })

  it('names a tapped day, and edits only with capabilities.edit', async () => {
    const ro = await setup(false)
    expect(ro.find('[data-testid="calendar-import"]').exists()).toBe(false)
    await ro.find('[data-testid="calendar-day-2026-10-01"]').trigger('click')
    expect(ro.find('[data-testid="calendar-picked"]').text()).toContain('国庆节')
    expect(ro.find('[data-testid="day-dialog"]').attributes('data-open')).toBe('false')
    ro.unmount()

    const rw = await setup(true)
    await rw.find('[data-testid="calendar-day-2026-12-05"]').trigger('click')
    expect(rw.find('[data-testid="day-dialog"]').attributes('data-open')).toBe('true')
  })

  it('lists the lines an import refused', async () => {
    upload.mockRejectedValue(
      new ApiError(
        400,
        { code: 'invalid_argument', message: 'bad', fields: { 'line.4': 'invalid_kind', 'line.3': 'invalid_date' } },
        '/calendar/import',
      ),
    )
    const w = await setup(true)
    const input = w.find('[data-testid="calendar-file"]')
    Object.defineProperty(input.element, 'files', { value: [new File(['x'], 'holidays.csv', { type: 'text/csv' })] })
    await input.trigger('change')
    await flushPromises()
    expect(upload).toHaveBeenCalledWith(expect.any(File), 'text/csv', { silent: true })
    const lines = w.findAll('[data-testid="calendar-import-errors"] li').map((l) => l.text())
    expect(lines).toEqual(['第 3 行：日期无效（应为 YYYY-MM-DD）', '第 4 行：类型无效（应为 放假/休 或 上班/班）'])
  })
})
