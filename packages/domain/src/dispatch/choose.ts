import { defaultPolicy, fcfsPolicy, priorityStrictPolicy } from './policies.ts'
import {
  defaultDispatchOptions,
  type DispatchOptions,
  type DispatchPolicy,
  type DispatchServer,
  type WaitingTicket,
} from './types.ts'

/** Policies by the name a center's settings, the simulator and its CLI use. */
export const dispatchPolicies = {
  default: defaultPolicy,
  fcfs: fcfsPolicy,
  'priority-strict': priorityStrictPolicy,
} as const satisfies Record<string, DispatchPolicy>

export type DispatchPolicyName = keyof typeof dispatchPolicies

export const dispatchPolicyNames = Object.keys(dispatchPolicies) as DispatchPolicyName[]

export function isDispatchPolicyName(name: string): name is DispatchPolicyName {
  return Object.hasOwn(dispatchPolicies, name)
}

function withDefaults(options: Partial<DispatchOptions>): DispatchOptions {
  const defined = Object.entries(options).filter(([, value]) => value !== undefined)
  return { ...defaultDispatchOptions, ...Object.fromEntries(defined) }
}

/**
 * The ticket `server` should call now, or null when it can serve none of `waiting`. `waiting` is
 * listed in issue order (ties keep that order); `policy` is a registered name or a policy of
 * one's own, so a new rule can be tried in the simulator before it is registered.
 */
export function choose<T extends WaitingTicket>(
  policy: DispatchPolicyName | DispatchPolicy,
  waiting: readonly T[],
  server: DispatchServer,
  now: number,
  options: Partial<DispatchOptions> = {},
): T | null {
  const pick = typeof policy === 'function' ? policy : dispatchPolicies[policy]
  if (!pick) throw new Error(`unknown dispatch policy "${String(policy)}"`)
  const servable = waiting.filter((ticket) => server.skills.includes(ticket.skill))
  const [first, ...rest] = servable
  if (first === undefined) return null
  return pick([first, ...rest], now, withDefaults(options))
}
