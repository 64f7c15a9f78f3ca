import { describe, expect, it } from 'vitest'
import { greetingKey } from './home-modules'

describe('greeting', () => {
  it('greets by the hour, and before dawn it is still evening', () => {
    expect([0, 4, 5, 11, 12, 17, 18, 23].map(greetingKey)).toEqual([
      'home.greeting.evening',
      'home.greeting.evening',
      'home.greeting.morning',
      'home.greeting.morning',
      'home.greeting.afternoon',
      'home.greeting.afternoon',
      'home.greeting.evening',
      'home.greeting.evening',
    ])
  })
})
