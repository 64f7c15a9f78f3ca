import {
  type QuotaDefinition,
  type QuotaEach,
  type QuotaEnforcement,
  type QuotaKind,
  type QuotaMetric,
  type QuotaPeriod,
  enforceableMetrics,
  memberMetrics,
} from '@onewindow/contracts'
import type { Problem } from '../catalog/form-validation'

/** The create drawer's model: pickers stay empty (undefined) for "any". */
export interface QuotaForm {
  name: string
  centerId: number | undefined
  counterId: number | undefined
  staffId: number | undefined
  serviceItemId: number | undefined
  skillId: number | undefined
  metric: QuotaMetric
  period: QuotaPeriod
  rangeFrom: string | null
  rangeTo: string | null
  kind: QuotaKind
  /** Kept while the kind is a target (which sends none), so switching back keeps the choice. */
  enforcement: QuotaEnforcement
  /** The warning share in percent, as the form shows it. */
  warnAtPercent: number | null
  amount: number | null
  effectiveFrom: string | null
  effectiveTo: string | null
  /** The scope as a whole (null), or each staff member or counter of it. */
  each: QuotaEach | null
}

export const quotaFields = [
  'name',
  'metric',
  'each',
  'period',
  'rangeFrom',
  'rangeTo',
  'kind',
  'enforcement',
  'amount',
  'warnAtPercent',
  'effectiveFrom',
  'effectiveTo',
] as const satisfies readonly (keyof QuotaForm)[]
export type QuotaField = (typeof quotaFields)[number]

/** The contract's bounds, repeated here so the form can say them before the server does. */
export const quotaLimits = { nameLength: 60, amountMax: 1_000_000, warnAt: { min: 10, max: 99 } }

export function emptyQuotaForm(today: string, centerId?: number): QuotaForm {
  return {
    name: '',
    centerId,
    counterId: undefined,
    staffId: undefined,
    serviceItemId: undefined,
    skillId: undefined,
    metric: 'tickets_issued',
    period: 'day',
    rangeFrom: null,
    rangeTo: null,
    kind: 'cap',
    enforcement: 'hard',
    warnAtPercent: 80,
    amount: null,
    effectiveFrom: today,
    effectiveTo: null,
    each: null,
  }
}

/** Whether the metric happens at a counter, by a person: only then can it apply to each one. */
export const eachAllowed = (metric: QuotaMetric) => memberMetrics.includes(metric)

/** What the form sends for "applies to": nothing for metrics without a person or counter. */
const eachOf = (form: Pick<QuotaForm, 'metric' | 'each'>) =>
  eachAllowed(form.metric) ? form.each : null

/** A hard cap on a measure counted after the fact can only warn. */
export function hardCapWarnsOnly(form: Pick<QuotaForm, 'kind' | 'enforcement' | 'metric'>) {
  return (
    form.kind === 'cap' && form.enforcement === 'hard' && !enforceableMetrics.includes(form.metric)
  )
}

const picked = (id: number | undefined | null | '') => (typeof id === 'number' ? id : null)

const label = (field: string) => `quotas.form.${field}`
const v = (key: string, params?: Record<string, number>): Problem => ({
  key: `quotas.validation.${key}`,
  params,
})

/** The same checks as the contract's quotaDefinition, field by field, for the form. */
export function quotaFieldProblem(form: QuotaForm, field: QuotaField): Problem | null {
  switch (field) {
    case 'name': {
      const name = form.name.trim()
      if (!name) return { ...v('required'), label: label('name') }
      return name.length > quotaLimits.nameLength
        ? v('nameLength', { max: quotaLimits.nameLength })
        : null
    }
    case 'rangeFrom':
      if (form.period !== 'range') return null
      return form.rangeFrom && form.rangeTo ? null : v('rangeRequired')
    case 'rangeTo':
      if (form.period !== 'range') return null
      if (!form.rangeFrom || !form.rangeTo) return v('rangeRequired')
      return form.rangeTo < form.rangeFrom ? v('endBeforeStart') : null
    case 'amount':
      if (form.amount === null || form.amount === undefined) {
        return { ...v('required'), label: label('amount') }
      }
      if (form.amount <= 0) return v('amountPositive')
      if (form.amount > quotaLimits.amountMax) return v('amountMax', { max: quotaLimits.amountMax })
      return form.metric !== 'workload_points' && !Number.isInteger(form.amount)
        ? v('wholeAmount')
        : null
    case 'warnAtPercent': {
      const { min, max } = quotaLimits.warnAt
      const percent = form.warnAtPercent
      if (form.kind === 'target') return null
      return percent === null || percent === undefined || percent < min || percent > max
        ? v('warnAt', { min, max })
        : null
    }
    case 'each': {
      const each = eachOf(form)
      const named = each === 'staff' ? picked(form.staffId) : picked(form.counterId)
      return each !== null && named !== null && picked(form.centerId) !== null
        ? v(each === 'staff' ? 'eachStaffNamed' : 'eachCounterNamed')
        : null
    }
    case 'effectiveFrom':
      return form.effectiveFrom ? null : { ...v('choose'), label: label('effectiveFrom') }
    case 'effectiveTo':
      return form.effectiveTo && form.effectiveFrom && form.effectiveTo < form.effectiveFrom
        ? v('endBeforeStart')
        : null
    default:
      return null
  }
}

export function quotaFormProblems(form: QuotaForm): Partial<Record<QuotaField, Problem>> {
  const entries = quotaFields.flatMap((field) => {
    const problem = quotaFieldProblem(form, field)
    return problem ? [[field, problem] as const] : []
  })
  return Object.fromEntries(entries)
}

/** The create input of a form that passed its checks. */
export function toQuotaInput(form: QuotaForm): QuotaDefinition {
  const centerId = picked(form.centerId)
  const range = form.period === 'range'
  return {
    name: form.name.trim(),
    scope: {
      centerId,
      // A counter or a person belongs to one center: without it they cannot be named.
      counterId: centerId === null ? null : picked(form.counterId),
      staffId: centerId === null ? null : picked(form.staffId),
      serviceItemId: picked(form.serviceItemId),
      skillId: picked(form.skillId),
    },
    metric: form.metric,
    period: form.period,
    rangeFrom: range ? form.rangeFrom : null,
    rangeTo: range ? form.rangeTo : null,
    amount: form.amount!,
    kind: form.kind,
    enforcement: form.kind === 'cap' ? form.enforcement : null,
    warnAt: Math.round(form.warnAtPercent ?? 80) / 100,
    effectiveFrom: form.effectiveFrom!,
    effectiveTo: form.effectiveTo || null,
    each: eachOf(form),
  }
}
