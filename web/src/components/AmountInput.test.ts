import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import AmountInput from './AmountInput.vue'

function setup(modelValue: number | null, decimals = 4) {
  const w = mount(AmountInput, {
    props: {
      modelValue,
      decimals,
      'onUpdate:modelValue': (v: number | null) => w.setProps({ modelValue: v }),
      'onUpdate:invalid': (v: boolean) => w.setProps({ invalid: v }),
    },
    global: { plugins: [ElementPlus] },
  })
  return w
}

describe('万元 / 亩 input', () => {
  it('keeps exact integers in base units while the user types', async () => {
    const w = setup(null)
    const input = w.find('input')
    await input.setValue('1234.5678')
    expect(w.props('modelValue')).toBe(12_345_678)
    await input.setValue('12.')
    expect(w.props('modelValue')).toBe(120_000)
    expect(input.element.value).toBe('12.') // not rewritten to "12" under the cursor
  })

  it('flags text that is not an amount and keeps the last good value', async () => {
    const w = setup(50_000)
    const input = w.find('input')
    expect(input.element.value).toBe('5')
    await input.setValue('1.23456')
    expect(w.props('invalid')).toBe(true)
    expect(w.props('modelValue')).toBe(50_000)
    await input.setValue('')
    expect(w.props('invalid')).toBe(false)
    expect(w.props('modelValue')).toBeNull()
  })

  it('shows a value set from outside (a loaded project)', async () => {
    const w = setup(null, 2)
    await w.setProps({ modelValue: 1250 })
    expect(w.find('input').element.value).toBe('12.5')
  })
})
