import type { RouterOutputs } from '@onewindow/api'
import { type Permission, type SessionUser, can as roleCan } from '@onewindow/contracts'
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { isUnauthorized } from '../../api-errors'
import { trpc } from '../../trpc'

export type LoginOutcome = RouterOutputs['auth']['login']
/** A sign-in halfway: the password was right, a code is due. */
export type SecondStep = Exclude<LoginOutcome, { step: 'signedIn' }>

export const useAuthStore = defineStore('auth', () => {
  const user = ref<SessionUser | null>(null)
  const loaded = ref(false)
  let pending: Promise<void> | null = null

  const signedIn = computed(() => user.value !== null)

  /**
   * Asks the server who is signed in; being signed out is an answer, not an error. Any other
   * failure leaves the question open, so the next navigation asks again.
   */
  async function load(): Promise<void> {
    try {
      user.value = await trpc.auth.me.query(undefined, { context: { expectSignedOut: true } })
    } catch (error) {
      user.value = null
      if (!isUnauthorized(error)) throw error
    }
    loaded.value = true
  }

  /** Loads the session once; later calls reuse the answer. */
  function ensureLoaded(): Promise<void> {
    if (loaded.value) return Promise.resolve()
    pending ??= load().finally(() => (pending = null))
    return pending
  }

  /** The password step: signed in, or a code (or an authenticator to set up) still due. */
  async function login(username: string, password: string): Promise<LoginOutcome> {
    const outcome = await trpc.auth.login.mutate(
      { username, password },
      { context: { quiet: true } },
    )
    if (outcome.step === 'signedIn') signedInAs(outcome.user)
    return outcome
  }

  /** The code step, answering the challenge `login` handed out. */
  async function verifyCode(challenge: string, code: string): Promise<void> {
    const { user } = await trpc.auth.verifyCode.mutate(
      { challenge, code },
      { context: { quiet: true } },
    )
    signedInAs(user)
  }

  function signedInAs(signedInUser: SessionUser): void {
    user.value = signedInUser
    loaded.value = true
  }

  async function logout(): Promise<void> {
    try {
      await trpc.auth.logout.mutate(undefined, { context: { quiet: true } })
    } finally {
      clear()
    }
  }

  /** Forgets the user locally, e.g. when the server says the session has ended. */
  function clear(): void {
    user.value = null
    loaded.value = true
  }

  /** Sets a new password; a reset password no longer blocks the rest of the app afterwards. */
  async function changePassword(currentPassword: string, newPassword: string): Promise<void> {
    await trpc.auth.changePassword.mutate(
      { currentPassword, newPassword },
      { context: { quiet: true } },
    )
    if (user.value) user.value = { ...user.value, mustChangePassword: false }
  }

  function can(permission: Permission): boolean {
    return user.value !== null && roleCan(user.value.role, permission)
  }

  return {
    user,
    loaded,
    signedIn,
    load,
    ensureLoaded,
    login,
    verifyCode,
    logout,
    clear,
    changePassword,
    can,
  }
})
