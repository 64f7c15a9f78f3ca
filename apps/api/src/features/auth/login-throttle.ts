import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible'
import { loginPolicy } from '../../config.ts'
import { appError } from '../../errors.ts'

/**
 * Attempts per client IP and per user name, counted whether or not the name exists, so the
 * limits reveal nothing. Account lockout proper lives in the staff row and survives restarts.
 */
export class LoginThrottle {
  private readonly perIp = new RateLimiterMemory({
    keyPrefix: 'login-ip',
    points: loginPolicy.attemptsPerIp,
    duration: loginPolicy.windowSeconds,
  })
  private readonly perUsername = new RateLimiterMemory({
    keyPrefix: 'login-user',
    points: loginPolicy.attemptsPerUsername,
    duration: loginPolicy.windowSeconds,
  })

  /** Counts one attempt; throws TOO_MANY_REQUESTS when either budget is spent. */
  async consume(ip: string, username: string): Promise<void> {
    try {
      await this.perIp.consume(ip)
      await this.perUsername.consume(username.toLowerCase())
    } catch (error) {
      if (error instanceof RateLimiterRes) throw appError('TOO_MANY_REQUESTS', 'auth.rateLimited')
      throw error
    }
  }

  /** A successful sign-in clears that user name's count. */
  async forgive(username: string): Promise<void> {
    await this.perUsername.delete(username.toLowerCase())
  }
}
