import { ElMessage } from 'element-plus'
import { defineComponent } from 'vue'
import { createMemoryHistory, createRouter } from 'vue-router'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createApiErrorHandler } from './api-error-handler'
import { apiError, networkError } from './testing/api-error'

vi.mock('element-plus', () => ({ ElMessage: vi.fn() }))

const Page = defineComponent({ render: () => null })

async function setUp(startAt: string) {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/login', name: 'login', component: Page },
      { path: '/:any(.*)*', name: 'page', component: Page },
    ],
  })
  await router.push(startAt)
  const auth = { clear: vi.fn() }
  return { router, auth, handle: createApiErrorHandler({ router, auth }) }
}

const expired = () => apiError('UNAUTHORIZED', '请先登录', 'auth.unauthenticated')

describe('the global API error rule', () => {
  beforeEach(() => vi.mocked(ElMessage).mockClear())

  it("toasts the server's message", async () => {
    const { handle } = await setUp('/staff')
    handle(apiError('FORBIDDEN', '没有权限执行此操作', 'auth.forbidden'))
    expect(ElMessage).toHaveBeenCalledWith(
      expect.objectContaining({ type: 'error', message: '没有权限执行此操作' }),
    )
  })

  it('toasts a local message when the server cannot be reached', async () => {
    const { handle } = await setUp('/staff')
    handle(networkError())
    expect(ElMessage).toHaveBeenCalledWith(
      expect.objectContaining({ message: '无法连接服务器，请检查网络后重试' }),
    )
  })

  it('on an ended session, forgets the user and returns to sign-in with the way back', async () => {
    const { handle, router, auth } = await setUp('/operation-log?page=3')
    handle(expired())
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('login'))
    expect(router.currentRoute.value.query.redirect).toBe('/operation-log?page=3')
    expect(auth.clear).toHaveBeenCalled()
  })

  it('stays on the sign-in page when already there', async () => {
    const { handle, router } = await setUp('/login')
    handle(expired())
    expect(router.currentRoute.value.fullPath).toBe('/login')
  })

  it('leaves errors alone for callers that handle them', async () => {
    const { handle, router, auth } = await setUp('/staff')
    handle(apiError('UNAUTHORIZED', '用户名或密码错误', 'auth.invalidCredentials'), { quiet: true })
    handle(expired(), { expectSignedOut: true })
    expect(ElMessage).not.toHaveBeenCalled()
    expect(router.currentRoute.value.fullPath).toBe('/staff')
    expect(auth.clear).not.toHaveBeenCalled()
  })
})
