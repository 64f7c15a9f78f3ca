import { dispatchPolicyNames, isDispatchPolicyName } from '../dispatch/choose.ts'
import { InputReader, type Fields } from './input-reader.ts'
import type { ModelArrival, ModelStaff, SimulationModel } from './types.ts'

/** Skills each counter allows; null for a comprehensive counter, which allows all. */
type CounterSkills = Map<string, string[] | null>

function readCounters(read: InputReader, value: unknown): CounterSkills {
  const counters: CounterSkills = new Map()
  const items = read.list(value, 'counters')
  const ids = items.map((item, index) => {
    const path = `counters[${index}]`
    const counter = read.record(item, path)
    const id = read.text(counter.id, `${path}.id`)
    if (counter.kind === 'comprehensive') counters.set(id, null)
    else if (counter.kind === 'dedicated')
      counters.set(id, read.texts(counter.skills, `${path}.skills`))
    else read.fail(`${path}.kind`, 'expected "comprehensive" or "dedicated"')
    return id
  })
  read.unique(ids, 'counters')
  return counters
}

function readOnDuty(read: InputReader, value: unknown, path: string): [number, number][] {
  const intervals = read.list(value, path).map((item, index): [number, number] => {
    const pair = read.list(item, `${path}[${index}]`)
    if (pair.length !== 2) read.fail(`${path}[${index}]`, 'expected [start, end]')
    const start = read.clock(pair[0], `${path}[${index}][0]`)
    const end = read.clock(pair[1], `${path}[${index}][1]`)
    if (end <= start && pair.length === 2)
      read.fail(`${path}[${index}]`, 'must end after it starts')
    return [start, end]
  })
  intervals.sort((a, b) => a[0] - b[0])
  for (let index = 1; index < intervals.length; index++) {
    if (intervals[index]![0] < intervals[index - 1]![1]) read.fail(path, 'intervals overlap')
  }
  return intervals
}

function readStaff(
  read: InputReader,
  item: unknown,
  path: string,
  counters: CounterSkills,
): ModelStaff {
  const member = read.record(item, path)
  const id = read.text(member.id, `${path}.id`)
  const skills = read.texts(member.skills, `${path}.skills`)
  const counter = read.text(member.counter, `${path}.counter`)
  const counterSkills = counters.get(counter)
  if (counter !== '' && counterSkills === undefined) {
    read.fail(`${path}.counter`, `no counter "${counter}" in counters`)
  }
  // A dedicated counter's fixed skill set binds whoever sits there (DESIGN §2).
  const servableSkills = counterSkills
    ? skills.filter((skill) => counterSkills.includes(skill))
    : skills
  return { id, servableSkills, onDuty: readOnDuty(read, member.onDuty, `${path}.onDuty`) }
}

function readArrival(read: InputReader, item: unknown, path: string): ModelArrival {
  const arrival: Fields = read.record(item, path)
  const appointment = arrival.appointmentAt
  return {
    id: read.text(arrival.id, `${path}.id`),
    at: read.clock(arrival.at, `${path}.at`),
    skill: read.text(arrival.skill, `${path}.skill`),
    serviceSeconds: read.count(arrival.serviceSeconds, `${path}.serviceSeconds`, 0),
    priority: read.flag(arrival.priority, `${path}.priority`),
    appointmentAt: appointment == null ? null : read.clock(appointment, `${path}.appointmentAt`),
  }
}

/** Checks a day file (format: shared/formats/simulation.md) and turns it into seconds. */
export function parseSimulationInput(input: unknown): SimulationModel {
  const read = new InputReader()
  const root = read.record(input, 'input')
  const policy = root.policy ?? 'default'
  if (typeof policy !== 'string' || !isDispatchPolicyName(policy)) {
    read.fail(
      'policy',
      `unknown policy ${JSON.stringify(policy)}; known: ${dispatchPolicyNames.join(', ')}`,
    )
  }
  const targetWaitSeconds =
    root.targetWaitSeconds === undefined
      ? 900
      : read.count(root.targetWaitSeconds, 'targetWaitSeconds', 1)
  if (root.slotMinutes !== undefined) read.count(root.slotMinutes, 'slotMinutes', 1)
  const counters = readCounters(read, root.counters)
  const staff = read
    .list(root.staff, 'staff')
    .map((item, index) => readStaff(read, item, `staff[${index}]`, counters))
  const arrivals = read
    .list(root.arrivals, 'arrivals')
    .map((item, index) => readArrival(read, item, `arrivals[${index}]`))
  read.unique(
    staff.map((member) => member.id),
    'staff',
  )
  read.unique(
    arrivals.map((arrival) => arrival.id),
    'arrivals',
  )
  read.throwIfInvalid()
  return { policy: policy as SimulationModel['policy'], targetWaitSeconds, staff, arrivals }
}
