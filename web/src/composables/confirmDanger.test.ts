import { beforeEach, describe, expect, it, vi } from 'vitest'
import { ElMessageBox } from 'element-plus'
import { setLocale } from '@/locales'
import { confirmDanger } from './confirmDanger'

describe('confirmDanger', () => {
  beforeEach(() => {
    setLocale('zh-CN')
    vi.restoreAllMocks()
  })

  it('asks with a warning and localized buttons, true on confirm', async () => {
    const box = vi.spyOn(ElMessageBox, 'confirm').mockResolvedValue('confirm' as never)
    expect(await confirmDanger('删除「A」？', '删除')).toBe(true)
    expect(box).toHaveBeenCalledWith('删除「A」？', '删除', { type: 'warning', confirmButtonText: '确定', cancelButtonText: '取消' })
  })

  it('false when cancelled or closed', async () => {
    vi.spyOn(ElMessageBox, 'confirm').mockRejectedValue('cancel')
    expect(await confirmDanger('x', 'y')).toBe(false)
  })

  it('takes a confirm text and type, in English too', async () => {
    setLocale('en')
    const box = vi.spyOn(ElMessageBox, 'confirm').mockResolvedValue('confirm' as never)
    await confirmDanger('Accept?', 'Accept', { confirmText: 'Accept', type: 'info' })
    expect(box).toHaveBeenCalledWith('Accept?', 'Accept', { type: 'info', confirmButtonText: 'Accept', cancelButtonText: 'Cancel' })
  })
})
