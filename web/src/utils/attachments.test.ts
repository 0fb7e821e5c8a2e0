import { describe, expect, it } from 'vitest'
import { ApiError } from '@/api/http'
import type { AttachmentApi } from '@/api/attachments'
import { acceptOf, checkFile, extensionOf, formatSize, orderKinds, problemOf } from './attachments'

const FORMATS: AttachmentApi.Format[] = [
  { code: 'pdf', extensions: ['pdf'] },
  { code: 'jpeg', extensions: ['jpg', 'jpeg'] },
]
const LIMITS = { max_bytes: 20 * 1024 * 1024, formats: FORMATS }
const err = (status: number, code: string, fields: Record<string, string> = {}) => new ApiError(status, { code, message: '', fields }, '/x')

describe('file sizes in words', () => {
  it('says B, KB and MB with one decimal below 10', () => {
    expect(formatSize(45)).toBe('45 B')
    expect(formatSize(1024)).toBe('1 KB')
    expect(formatSize(8397)).toBe('8.2 KB')
    expect(formatSize(250_880)).toBe('245 KB')
    expect(formatSize(1_572_864)).toBe('1.5 MB')
    expect(formatSize(20 * 1024 * 1024)).toBe('20 MB')
  })
  it('is empty for nothing', () => {
    expect(formatSize(null)).toBe('')
    expect(formatSize(Number.NaN)).toBe('')
  })
})

describe('extensions and the picker', () => {
  it('reads the last extension in lower case', () => {
    expect(extensionOf('投资协议.PDF')).toBe('pdf')
    expect(extensionOf('a.tar.JPG')).toBe('jpg')
    expect(extensionOf('合同')).toBe('')
    expect(extensionOf('.pdf')).toBe('')
    expect(extensionOf('a.')).toBe('')
  })
  it('offers every extension the server takes', () => {
    expect(acceptOf(FORMATS)).toBe('.pdf,.jpg,.jpeg')
  })
})

describe("the client's own check before sending", () => {
  it('refuses an empty file, one over the limit, no extension, an extension no format has', () => {
    expect(checkFile({ name: 'a.pdf', size: 0 }, LIMITS)).toEqual({ field: 'file', reason: 'empty' })
    expect(checkFile({ name: 'a.pdf', size: LIMITS.max_bytes + 1 }, LIMITS)).toEqual({ field: 'file', reason: 'too_large' })
    expect(checkFile({ name: '合同', size: 10 }, LIMITS)).toEqual({ field: 'name', reason: 'no_extension' })
    expect(checkFile({ name: 'a.exe', size: 10 }, LIMITS)).toEqual({ field: 'file', reason: 'unsupported_type' })
  })
  it('sends the rest (the server reads the bytes), also a file exactly at the limit', () => {
    expect(checkFile({ name: 'a.PDF', size: LIMITS.max_bytes }, LIMITS)).toBeNull()
    expect(checkFile({ name: 'photo.jpeg', size: 10 }, LIMITS)).toBeNull()
    // Without the kinds (not loaded) only emptiness is known.
    expect(checkFile({ name: 'a.exe', size: 10 }, null)).toBeNull()
  })
})

describe('kinds of the stage first', () => {
  const kinds: AttachmentApi.Kind[] = [
    { code: 'business_licence', name: '营业执照', stages: ['lead', 'in_review'] },
    { code: 'investment_agreement', name: '投资协议', stages: ['negotiating', 'signed'] },
    { code: 'production_photo', name: '投产照片', stages: ['production'] },
    { code: 'other', name: '其他材料', stages: [] },
  ]
  it("puts the stage's kinds first, the others in the server's order", () => {
    const { suggested, others } = orderKinds(kinds, 'signed')
    expect(suggested.map((k) => k.code)).toEqual(['investment_agreement'])
    expect(others.map((k) => k.code)).toEqual(['business_licence', 'production_photo', 'other'])
  })
  it('keeps the order without a stage (a factor request)', () => {
    expect(orderKinds(kinds, null)).toEqual({ suggested: [], others: kinds })
  })
})

describe('which refusal an error names', () => {
  it("takes the field's reason", () => {
    expect(problemOf(err(400, 'invalid_argument', { file: 'type_mismatch' }))).toEqual({ field: 'file', reason: 'type_mismatch' })
    expect(problemOf(err(400, 'invalid_argument', { kind: 'required' }))).toEqual({ field: 'kind', reason: 'required' })
    expect(problemOf(err(400, 'invalid_argument', { name: 'no_extension' }))).toEqual({ field: 'name', reason: 'no_extension' })
    expect(problemOf(err(400, 'invalid_argument', { reason: 'too_long' }))).toEqual({ field: 'reason', reason: 'too_long' })
  })
  it('reads 413 as too large, 409 as too many files, 403 as not allowed', () => {
    expect(problemOf(err(413, 'payload_too_large'))).toEqual({ field: 'file', reason: 'too_large' })
    expect(problemOf(err(409, 'too_many_files', { file: 'too_many_files' }))).toEqual({ field: 'file', reason: 'too_many_files' })
    expect(problemOf(err(403, 'forbidden'))).toEqual({ field: 'forbidden', reason: 'forbidden' })
  })
  it('leaves anything else to the general message', () => {
    expect(problemOf(err(400, 'invalid_argument', { file: 'something_new' }))).toBeNull()
    expect(problemOf(err(500, 'internal'))).toBeNull()
    expect(problemOf(new Error('x'))).toBeNull()
  })
})
