import {
  rosterInstanceSchema,
  rosterSolutionSchema,
  type RosterSolution,
} from '@onewindow/contracts'
import { prepareRoster, type PreparedRoster } from './prepare.ts'

const shownIssues = 30

/** A roster file that breaks the format; lists every problem, each named by its path. */
export class RosterInputError extends Error {
  constructor(
    readonly file: 'instance' | 'solution',
    readonly issues: string[],
  ) {
    const shown = issues.slice(0, shownIssues).map((issue) => `  - ${issue}`)
    if (issues.length > shownIssues) shown.push(`  … and ${issues.length - shownIssues} more`)
    super(`invalid roster ${file}:\n${shown.join('\n')}`)
    this.name = 'RosterInputError'
  }
}

interface SchemaIssue {
  path: readonly PropertyKey[]
  message: string
}

function describeIssues(issues: readonly SchemaIssue[]): string[] {
  return issues.map((issue) => {
    const path = issue.path
      .map((part, index) =>
        typeof part === 'number' ? `[${part}]` : `${index ? '.' : ''}${String(part)}`,
      )
      .join('')
    return `${path || '(file)'}: ${issue.message}`
  })
}

/** Validates an instance file (shared/formats/roster.md) and indexes it. */
export function parseRosterInstance(input: unknown): PreparedRoster {
  const parsed = rosterInstanceSchema.safeParse(input)
  if (!parsed.success) throw new RosterInputError('instance', describeIssues(parsed.error.issues))
  const { prepared, issues } = prepareRoster(parsed.data)
  if (issues.length > 0) throw new RosterInputError('instance', issues)
  return prepared
}

export function parseRosterSolution(input: unknown): RosterSolution {
  const parsed = rosterSolutionSchema.safeParse(input)
  if (!parsed.success) throw new RosterInputError('solution', describeIssues(parsed.error.issues))
  return parsed.data
}
