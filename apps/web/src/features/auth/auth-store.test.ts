import type { SessionUser } from '@onewindow/contracts'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { apiError, networkError } from '../../testing/api-error'
import { trpc } from '../../trpc'
import { useAuthStore } from './auth-store'

vi.mock('../../trpc', () => ({
  trpc: {
    auth: {
      me: { query: vi.fn() },
      login: { mutate: vi.fn() },
      verifyCode: { mutate: vi.fn() },
      logout: { mutate: vi.fn() },
    },
  },
}))

const me = vi.mocked(trpc.auth.me.query)
const login = vi.mocked(trpc.auth.login.mutate)
const verifyCode = vi.mocked(trpc.auth.verifyCode.mutate)
const logout = vi.mocked(trpc.auth.logout.mutate)

const manager: SessionUser = {
  id: 2,
  username: 'manager',
  displayName: '王经理',
  role: 'manager',
  centerId: 1,
  centerName: '示例街道社区事务受理服务中心',
  districtId: 1,
  departmentId: null,
  permissions: ['org.read', 'staff.read', 'staff.manage', 'operationLog.read'],
  mustChangePassword: false,
}

describe('auth store', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    vi.resetAllMocks()
  })

  it('loads the signed-in user once', async () => {
    me.mockResolvedValue(manager)
    const auth = useAuthStore()
    await Promise.all([auth.ensureLoaded(), auth.ensureLoaded()])
    await auth.ensureLoaded()
    expect(me).toHaveBeenCalledTimes(1)
    expect(auth.user).toEqual(manager)
    expect(auth.signedIn).toBe(true)
  })

  it('treats UNAUTHORIZED from auth.me as signed out, without the global error handling', async () => {
    me.mockRejectedValue(apiError('UNAUTHORIZED', '请先登录', 'auth.unauthenticated'))
    const auth = useAuthStore()
    await auth.load()
    expect(auth.user).toBeNull()
    expect(auth.loaded).toBe(true)
    expect(me).toHaveBeenCalledWith(undefined, { context: { expectSignedOut: true } })
  })

  it('passes other failures on, signed out, and asks again next time', async () => {
    me.mockRejectedValueOnce(networkError()).mockResolvedValueOnce(manager)
    const auth = useAuthStore()
    await expect(auth.ensureLoaded()).rejects.toThrow('Failed to fetch')
    expect(auth.user).toBeNull()
    expect(auth.loaded).toBe(false)
    await auth.ensureLoaded()
    expect(auth.user).toEqual(manager)
  })

  it('signs in and keeps the user; the login form shows its own errors', async () => {
    login.mockResolvedValue({ step: 'signedIn', user: manager })
    const auth = useAuthStore()
    await auth.login('manager', 'onewindow')
    expect(login).toHaveBeenCalledWith(
      { username: 'manager', password: 'onewindow' },
      { context: { quiet: true } },
    )
    expect(auth.user?.username).toBe('manager')
  })

  it('waits for the code when the account has a second factor, then keeps the user', async () => {
    login.mockResolvedValue({ step: 'code', challenge: 'c'.repeat(43) })
    verifyCode.mockResolvedValue({ step: 'signedIn', user: manager })
    const auth = useAuthStore()
    expect(await auth.login('manager', 'onewindow')).toEqual({
      step: 'code',
      challenge: 'c'.repeat(43),
    })
    expect(auth.user).toBeNull()
    await auth.verifyCode('c'.repeat(43), '123456')
    expect(verifyCode).toHaveBeenCalledWith(
      { challenge: 'c'.repeat(43), code: '123456' },
      { context: { quiet: true } },
    )
    expect(auth.user?.username).toBe('manager')
  })

  it('keeps nobody signed in when the credentials are refused', async () => {
    login.mockRejectedValue(apiError('UNAUTHORIZED', '用户名或密码错误', 'auth.invalidCredentials'))
    const auth = useAuthStore()
    await expect(auth.login('manager', 'wrong')).rejects.toThrow('用户名或密码错误')
    expect(auth.user).toBeNull()
  })

  it('signs out locally even when the server call fails', async () => {
    login.mockResolvedValue({ step: 'signedIn', user: manager })
    logout.mockRejectedValue(networkError())
    const auth = useAuthStore()
    await auth.login('manager', 'onewindow')
    await expect(auth.logout()).rejects.toThrow()
    expect(auth.user).toBeNull()
  })

  it('answers permission questions from the role', async () => {
    const auth = useAuthStore()
    expect(auth.can('staff.read')).toBe(false)
    login.mockResolvedValue({ step: 'signedIn', user: manager })
    await auth.login('manager', 'onewindow')
    expect(auth.can('staff.manage')).toBe(true)
    expect(auth.can('operationLog.verify')).toBe(false)
    auth.clear()
    expect(auth.can('staff.read')).toBe(false)
  })
})
