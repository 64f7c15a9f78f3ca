import { z } from 'zod'
import type { Locale } from './errors.ts'

/** Names one write; a repeat of the same write with the same key is answered, not done again. */
export const idempotencyKeyHeader = 'idempotency-key'
export const idempotencyKeyPattern = /^[A-Za-z0-9_-]{8,64}$/

/** The version of a row as a form loaded it; a save naming an older one is refused. */
export const rowVersion = z.number().int().positive()

/** Refusals of repeated writes and stale saves, in both languages (mounted in errorMessages). */
export const writeSafetyErrors = {
  'common.badIdempotencyKey': {
    'zh-CN': '请求标识（Idempotency-Key）格式有误：应为 8–64 位字母、数字、- 或 _',
    'en-US': 'The Idempotency-Key header must be 8–64 letters, digits, - or _',
  },
  'common.requestInProgress': {
    'zh-CN': '相同的请求仍在处理中，请稍候',
    'en-US': 'The same request is still being processed; wait a moment',
  },
  'common.keyReused': {
    'zh-CN': '该请求标识已用于另一个请求',
    'en-US': 'This idempotency key was already used for a different request',
  },
  'common.alreadyDone': {
    'zh-CN': '该请求已经执行过，结果不会再次提供',
    'en-US': 'This request was already carried out; its answer is not given twice',
  },
  'common.staleVersion': {
    'zh-CN': '该记录已被他人修改，请刷新后查看最新内容再保存',
    'en-US':
      'Someone else saved this record after you opened it, so your changes were not saved. Check the latest version and try again',
  },
} as const satisfies Record<string, Record<Locale, string>>
