// Field errors clear as soon as the user changes that field, and read in the user's language:
// a reason code the locales do not know never shows as the code.
import { beforeEach, describe, expect, it } from 'vitest'
import { defineComponent, h, nextTick, reactive } from 'vue'
import { mount } from '@vue/test-utils'
import { i18n, setLocale } from '@/locales'
import { ApiError } from '@/api/http'
import { useFieldErrors } from './useFieldErrors'

const FIELDS = ['name', 'codes', 'amount'] as const
type Errs = ReturnType<typeof useFieldErrors<(typeof FIELDS)[number]>>

function harness() {
  const form = reactive({ name: '', codes: [] as string[], amount: null as number | null })
  const Harness = defineComponent({
    setup: () => ({ fe: useFieldErrors(FIELDS, { source: () => form }) }),
    render: () => h('div'),
  })
  const fe = (mount(Harness, { global: { plugins: [i18n] } }).vm as unknown as { fe: Errs }).fe
  return { form, fe }
}
const invalid = (fields: Record<string, string>) => new ApiError(400, { code: 'invalid_argument', message: 'x', fields }, '/x')

describe('useFieldErrors', () => {
  beforeEach(() => setLocale('zh-CN'))

  it('clears only the field the user changed', async () => {
    const { form, fe } = harness()
    fe.apply(invalid({ name: 'required', codes: 'required', amount: 'invalid_value' }))
    expect([fe.errors.name, fe.errors.codes, fe.errors.amount]).toEqual(['必填', '必填', '取值无效'])
    form.name = '动力电池项目'
    await nextTick()
    expect(fe.errors.name).toBe('')
    expect(fe.errors.codes).toBe('必填')
    form.codes.push('3612') // arrays count by content
    await nextTick()
    expect(fe.errors.codes).toBe('')
    expect(fe.errors.amount).toBe('取值无效')
    form.amount = 100
    await nextTick()
    expect(fe.errors.amount).toBe('')
  })

  it('keeps an error set after the last change until the field changes again', async () => {
    const { form, fe } = harness()
    form.name = 'x'
    await nextTick()
    fe.apply(invalid({ name: 'too_long' }))
    await nextTick()
    expect(fe.errors.name).toBe('内容过长')
    form.name = 'y'
    await nextTick()
    expect(fe.errors.name).toBe('')
  })

  it('never shows an unknown reason code, in either language', () => {
    const { fe } = harness()
    fe.apply(invalid({ name: 'brand_new_reason' }))
    expect(fe.errors.name).toBe('取值无效')
    setLocale('en')
    fe.apply(invalid({ name: 'brand_new_reason' }))
    expect(fe.errors.name).toBe('Invalid value')
  })
})
