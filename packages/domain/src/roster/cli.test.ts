import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { runRosterCli } from './cli.ts'
import example from './fixtures/roster-example.json' with { type: 'json' }
import exampleSolution from './fixtures/roster-example.solution.json' with { type: 'json' }

let cwd: string
let stdout: string[]
let stderr: string[]
const run = (...args: string[]) =>
  runRosterCli(args, { cwd, stdout: (t) => stdout.push(t), stderr: (t) => stderr.push(t) })

beforeEach(() => {
  cwd = mkdtempSync(join(tmpdir(), 'roster-'))
  stdout = []
  stderr = []
  writeFileSync(join(cwd, 'instance.json'), JSON.stringify(example))
  writeFileSync(join(cwd, 'given.json'), JSON.stringify(exampleSolution))
})

describe('pnpm roster', () => {
  it(
    'solves to a file that check then accepts with the same objective',
    { timeout: 60_000 },
    async () => {
      expect(
        await run('solve', '--in', 'instance.json', '--out', 'roster.json', '--time-limit', '50'),
      ).toBe(0)
      expect(stdout[0]).toMatch(/^optimal in [\d.]+ s; feasible: objective 10786 /)
      const solved = JSON.parse(readFileSync(join(cwd, 'roster.json'), 'utf8'))
      expect(solved.objective).toBe(10786)
      stdout = []
      expect(await run('check', '--in', 'instance.json', '--solution', 'roster.json')).toBe(0)
      expect(stdout).toEqual([
        'feasible: objective 10786 = shortfall 107, surplus 61, preference 5',
      ])
    },
  )

  it('prints each broken rule and exits non-zero', async () => {
    const broken = {
      assignments: [
        ...exampleSolution.assignments,
        { ...exampleSolution.assignments[0]!, counter: 'W06' },
      ],
    }
    writeFileSync(join(cwd, 'broken.json'), JSON.stringify(broken))
    expect(await run('check', '--in', 'instance.json', '--solution', 'broken.json')).toBe(2)
    expect(
      stdout.some((line) =>
        line.startsWith('rule 2 (two_shifts_a_day): S001 has more than one shift'),
      ),
    ).toBe(true)
    expect(stdout.at(-1)).toMatch(/^INFEASIBLE \(\d+ violations\)/)
  })

  it('rejects a broken instance with every problem listed', async () => {
    writeFileSync(join(cwd, 'bad.json'), JSON.stringify({ ...example, slotMinutes: 0, skills: [] }))
    expect(await run('check', '--in', 'bad.json', '--solution', 'given.json')).toBe(1)
    expect(stderr[0]).toContain('invalid roster instance:')
    expect(stderr[0]).toContain('slotMinutes')
    expect(stderr[0]).toContain('skills')
  })

  it('answers a missing command or file with a reason', async () => {
    expect(await run('--in', 'instance.json')).toBe(1)
    expect(stderr[0]).toMatch(/^name a command: solve or check\nusage:/)
    stderr = []
    expect(await run('solve', '--in', 'nowhere.json')).toBe(1)
    expect(stderr[0]).toMatch(/^no such file: .*nowhere\.json$/)
  })
})
