import { describe, expect, it } from 'vitest'
import { formatTicketNumber, ticketLetter } from './ticket-number.ts'

describe('ticket numbers', () => {
  it('gives each skill a letter, skipping I and O', () => {
    expect(ticketLetter(1)).toBe('A')
    expect(ticketLetter(2)).toBe('B')
    expect(ticketLetter(9)).toBe('J')
    expect(ticketLetter(14)).toBe('P')
    expect(ticketLetter(25)).toBe('A')
  })
  it('pads the daily sequence to three digits', () => {
    expect(formatTicketNumber('B', 17)).toBe('B017')
    expect(formatTicketNumber('C', 1234)).toBe('C1234')
  })
})
