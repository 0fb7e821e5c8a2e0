import { beforeEach, describe, expect, it } from 'vitest'
import { defineComponent, h, nextTick, reactive, ref } from 'vue'
import { mount } from '@vue/test-utils'
import { i18n, setLocale } from '@/locales'
import { ApiError } from '@/api/http'
import { useFormDialog } from './useFormDialog'

function harness(onOpen = () => undefined, source?: () => object) {
  const open = ref(false)
  const Harness = defineComponent({
    setup: () => ({ d: useFormDialog(open, ['name', 'code'] as const, { onOpen, source }) }),
    render: () => h('div'),
  })
  const d = (mount(Harness, { global: { plugins: [i18n] } }).vm as unknown as { d: ReturnType<typeof useFormDialog<'name' | 'code'>> }).d
  return { open, d }
}
const invalid = (fields: Record<string, string>, code = 'invalid_argument') => new ApiError(400, { code, message: 'x', fields }, '/x')

describe('useFormDialog', () => {
  beforeEach(() => setLocale('zh-CN'))

  it('resets on open: errors, alert and the caller form', async () => {
    let resets = 0
    const { open, d } = harness(() => void resets++)
    d.errors.name = 'old'
    d.alert.value = 'old'
    open.value = true
    await nextTick()
    expect(resets).toBe(1)
    expect(d.errors.name).toBe('')
    expect(d.alert.value).toBe('')
  })

  it('closes after a successful submit and clears submitting', async () => {
    const { open, d } = harness()
    open.value = true
    let seen = false
    expect(await d.submit(async () => void (seen = d.submitting.value))).toBe(true)
    expect(seen).toBe(true)
    expect(open.value).toBe(false)
    expect(d.submitting.value).toBe(false)
  })

  it('puts server field errors under the fields and stays open', async () => {
    const { open, d } = harness()
    open.value = true
    const ok = await d.submit(async () => {
      throw invalid({ name: 'required' })
    })
    expect(ok).toBe(false)
    expect(open.value).toBe(true)
    expect(d.errors.name).toBe(i18n.global.t('validation.reasons.required'))
    expect(d.hasErrors()).toBe(true)
    d.clearErrors()
    expect(d.hasErrors()).toBe(false)
  })

  it('a silent request without field errors fills the alert; already_exists can land on a field', async () => {
    const { d } = harness()
    await d.submit(
      async () => {
        throw new ApiError(409, { code: 'version_conflict', message: 'x', fields: {} }, '/x')
      },
      { silent: true },
    )
    expect(d.alert.value).toBe('数据已被他人修改，请刷新后重试')
    await d.submit(
      async () => {
        throw invalid({}, 'already_exists')
      },
      { fallbackField: 'code' },
    )
    expect(d.errors.code).toBe(i18n.global.t('validation.reasons.already_exists'))
  })

  it('lets the caller handle an error and refuses a double submit', async () => {
    const { d } = harness()
    let release = () => {}
    const first = d.submit(() => new Promise<void>((r) => (release = r)))
    expect(await d.submit(async () => undefined)).toBe(false)
    release()
    expect(await first).toBe(true)
    const handled = await d.submit(
      async () => {
        throw invalid({ name: 'required' })
      },
      { onError: () => true },
    )
    expect(handled).toBe(false)
    expect(d.errors.name).toBe('')
  })

  it('clears a field’s error once the field changes (source)', async () => {
    const form = reactive({ name: '', code: '' })
    const { open, d } = harness(undefined, () => form)
    open.value = true
    await nextTick()
    await d.submit(async () => {
      throw invalid({ name: 'required', code: 'required' })
    })
    expect([d.errors.name, d.errors.code]).toEqual(['必填', '必填'])
    form.name = '园区无合适载体'
    await nextTick()
    expect([d.errors.name, d.errors.code]).toEqual(['', '必填'])
  })
})
