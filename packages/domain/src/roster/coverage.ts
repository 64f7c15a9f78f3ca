/**
 * How many of one slot's required staff per skill the staff on duty can cover, each serving one
 * skill they may serve there: a maximum bipartite b-matching (staff → skills with capacity =
 * demand), found with augmenting paths. A slot has a few dozen staff, so the simple method is
 * instant.
 */
export function coverageBySkill(
  servable: readonly (readonly number[])[],
  demand: readonly number[],
): number[] {
  const assigned: number[][] = demand.map(() => [])

  const place = (member: number, visited: Set<number>): boolean => {
    for (const skill of servable[member]!) {
      if (demand[skill]! === 0 || visited.has(skill)) continue
      visited.add(skill)
      const holders = assigned[skill]!
      if (holders.length < demand[skill]!) {
        holders.push(member)
        return true
      }
      for (let index = 0; index < holders.length; index++) {
        if (place(holders[index]!, visited)) {
          holders[index] = member
          return true
        }
      }
    }
    return false
  }

  for (let member = 0; member < servable.length; member++) place(member, new Set())
  return assigned.map((holders) => holders.length)
}
