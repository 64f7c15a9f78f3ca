import { describe, expect, it } from 'vitest'
import { defaultWorkloadCoefficient } from './coefficient.ts'

describe('defaultWorkloadCoefficient', () => {
  it('weighs an item by its standard minutes against a 10-minute case', () => {
    expect(defaultWorkloadCoefficient(10)).toBe(1)
    expect(defaultWorkloadCoefficient(25)).toBe(2.5)
    expect(defaultWorkloadCoefficient(8)).toBe(0.8)
    expect(defaultWorkloadCoefficient(7)).toBe(0.7)
  })
  it('never counts an item as nothing', () => {
    expect(defaultWorkloadCoefficient(0)).toBe(0.1)
  })
})
