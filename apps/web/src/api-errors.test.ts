import { describe, expect, it } from 'vitest'
import { describeApiError, isNetworkError, isUnauthorized } from './api-errors'
import { apiError, networkError } from './testing/api-error'

describe('API errors', () => {
  it("uses the server's translated message and field errors", () => {
    const error = apiError('BAD_REQUEST', '输入有误，请检查后重试', 'common.badRequest', [
      { path: 'username', message: '不能为空' },
      { path: 'username', message: '太短' },
    ])
    expect(describeApiError(error, 'fallback')).toEqual({
      message: '输入有误，请检查后重试',
      code: 'BAD_REQUEST',
      appCode: 'common.badRequest',
      fieldErrors: { username: '不能为空' },
    })
  })

  it('falls back to a local message when the server never answered', () => {
    expect(describeApiError(networkError(), '无法连接服务器').message).toBe('无法连接服务器')
    expect(describeApiError(new Error('boom'), 'fallback').message).toBe('fallback')
    expect(isNetworkError(networkError())).toBe(true)
    expect(isNetworkError(apiError('FORBIDDEN', '没有权限', 'auth.forbidden'))).toBe(false)
  })

  it('recognises an ended session', () => {
    expect(isUnauthorized(apiError('UNAUTHORIZED', '请先登录', 'auth.unauthenticated'))).toBe(true)
    expect(isUnauthorized(apiError('FORBIDDEN', '没有权限', 'auth.forbidden'))).toBe(false)
    expect(isUnauthorized(networkError())).toBe(false)
  })
})
