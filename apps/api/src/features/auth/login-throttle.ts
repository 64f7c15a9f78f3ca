import { RateLimiterMemory } from 'rate-limiter-flexible'
import { loginPolicy } from '../../config.ts'
import { appError } from '../../errors.ts'

/**
 * Failed sign-ins per client IP and per user name, counted whether or not the name exists, so
 * the limits reveal nothing and busy front desks sharing one IP are not locked out by successes.
 * Account lockout proper lives in the staff row and survives restarts.
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

  /** Throws TOO_MANY_REQUESTS while either budget of failures is spent. */
  async assertAllowed(ip: string, username: string): Promise<void> {
    const [byIp, byUsername] = await Promise.all([
      this.perIp.get(ip),
      this.perUsername.get(username.toLowerCase()),
    ])
    const spent =
      (byIp?.consumedPoints ?? 0) >= loginPolicy.attemptsPerIp ||
      (byUsername?.consumedPoints ?? 0) >= loginPolicy.attemptsPerUsername
    if (spent) throw appError('TOO_MANY_REQUESTS', 'auth.rateLimited')
  }

  async recordFailure(ip: string, username: string): Promise<void> {
    await Promise.all([
      this.perIp.penalty(ip, 1),
      this.perUsername.penalty(username.toLowerCase(), 1),
    ])
  }

  /** A successful sign-in clears that user name's count. */
  async forgive(username: string): Promise<void> {
    await this.perUsername.delete(username.toLowerCase())
  }
}
