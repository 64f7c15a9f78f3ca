import { type DispatchPolicyName, choose } from '../dispatch/choose.ts'
import type { DispatchOptions, DispatchServer, WaitingTicket } from '../dispatch/types.ts'

/** A manager's instruction that a counter serve one skill first until `until` (epoch ms). */
export interface CounterFocus {
  skillId: number
  until: number
}

/** The focus still in force at `now`, or null. */
export function activeFocus<F extends CounterFocus>(focus: F | null, now: number): F | null {
  return focus !== null && focus.until > now ? focus : null
}

/** Every ticket `server` may call, in the order the policy would call them one after another. */
function policyOrder<T extends WaitingTicket>(
  policy: DispatchPolicyName,
  waiting: readonly T[],
  server: DispatchServer,
  now: number,
  options: Partial<DispatchOptions>,
): T[] {
  const order: T[] = []
  let rest = waiting
  for (
    let pick = choose(policy, rest, server, now, options);
    pick;
    pick = choose(policy, rest, server, now, options)
  ) {
    order.push(pick)
    const taken = pick
    rest = rest.filter((ticket) => ticket !== taken)
  }
  return order
}

/**
 * The order a counter calls `waiting` in. Without a focus it is the dispatch policy's order. With
 * a focus skill the server may serve, the focus skill's tickets come first (in the policy's order
 * among themselves), and the counter's other skills only after them: the manager moved this
 * counter to the overloaded line, so even a ticket of another line near its target waits for the
 * counters still serving that line.
 */
export function callOrder<T extends WaitingTicket>(
  waiting: readonly T[],
  server: DispatchServer,
  now: number,
  focusSkill: string | null = null,
  policy: DispatchPolicyName = 'default',
  options: Partial<DispatchOptions> = {},
): T[] {
  if (focusSkill === null || !server.skills.includes(focusSkill)) {
    return policyOrder(policy, waiting, server, now, options)
  }
  const others = { skills: server.skills.filter((skill) => skill !== focusSkill) }
  return [
    ...policyOrder(policy, waiting, { skills: [focusSkill] }, now, options),
    ...policyOrder(policy, waiting, others, now, options),
  ]
}
