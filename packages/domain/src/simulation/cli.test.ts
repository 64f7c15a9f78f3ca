import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { runSimulateCli } from './cli.ts'
import type { SimulationInput } from './types.ts'

const day: SimulationInput = {
  staff: [{ id: 'S1', skills: ['civil'], counter: 'W1', onDuty: [['09:00', '12:00']] }],
  counters: [{ id: 'W1', kind: 'comprehensive' }],
  arrivals: [
    { id: 'T1', at: '09:00:00', skill: 'civil', serviceSeconds: 300, priority: false },
    { id: 'P1', at: '09:01:00', skill: 'civil', serviceSeconds: 60, priority: true },
    { id: 'T2', at: '09:00:30', skill: 'civil', serviceSeconds: 60, priority: false },
  ],
}

let cwd: string
let stdout: string[]
let stderr: string[]
const run = (...args: string[]) =>
  runSimulateCli(args, { cwd, stdout: (t) => stdout.push(t), stderr: (t) => stderr.push(t) })

beforeEach(() => {
  cwd = mkdtempSync(join(tmpdir(), 'simulate-'))
  stdout = []
  stderr = []
  writeFileSync(join(cwd, 'day.json'), JSON.stringify(day))
})

describe('pnpm simulate', () => {
  it('writes the result next to where it was run and prints one summary line', () => {
    expect(run('--in', 'day.json', '--out', 'result.json')).toBe(0)
    const result = JSON.parse(readFileSync(join(cwd, 'result.json'), 'utf8'))
    expect(result.tickets.map((t: { id: string }) => t.id)).toEqual(['T1', 'P1', 'T2'])
    expect(result.tickets[1]).toEqual({
      id: 'P1',
      calledAt: '09:05:00',
      staff: 'S1',
      waitSeconds: 240,
    })
    expect(stdout).toEqual([
      `default: 3/3 tickets served, mean wait 190 s, p90 330 s, max 330 s, service level 100.0%, workload CV 0 → ${join(cwd, 'result.json')}`,
    ])
    expect(stderr).toEqual([])
  })

  it('lets --policy override the file and prints JSON to stdout without --out', () => {
    expect(run('--in', join(cwd, 'day.json'), '--policy', 'fcfs')).toBe(0)
    const result = JSON.parse(stdout[0]!)
    expect(result.policy).toBe('fcfs')
    expect(result.tickets[2].calledAt).toBe('09:05:00')
    expect(stderr[0]).toMatch(/^fcfs: 3\/3 tickets served/)
  })

  it('prints the usage for --help', () => {
    expect(run('--help')).toBe(0)
    expect(stdout[0]).toMatch(/^usage: pnpm simulate --in day.json/)
  })

  it.each([
    [['--out', 'x.json'], '--in is required\nusage:'],
    [['--in', 'day.json', '--speed', '2'], "Unknown option '--speed'"],
    [['--in', 'missing.json'], 'no such file: '],
    [['--in', 'day.json', '--policy', 'nearest'], 'policy: unknown policy "nearest"'],
    [['--in', 'day.json', '--out', 'no/such/dir/result.json'], 'cannot write '],
  ])('fails with exit 1 and a clear message: %j', (args, message) => {
    expect(run(...args)).toBe(1)
    expect(stderr.join('\n')).toContain(message)
    expect(stdout).toEqual([])
  })

  it('reports a file that is not JSON, or not a valid day, field by field', () => {
    writeFileSync(join(cwd, 'broken.json'), '{ "staff": [')
    expect(run('--in', 'broken.json')).toBe(1)
    expect(stderr[0]).toMatch(/broken\.json is not valid JSON/)
    writeFileSync(
      join(cwd, 'bad.json'),
      JSON.stringify({ ...day, arrivals: [{ id: 'T1', at: '9am' }] }),
    )
    expect(run('--in', 'bad.json')).toBe(1)
    expect(stderr[1]).toContain('invalid simulation input:\n  - arrivals[0].at: expected a time')
    expect(stderr[1]).not.toContain('usage:')
  })
})
