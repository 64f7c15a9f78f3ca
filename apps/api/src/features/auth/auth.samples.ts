import { fixturePassword } from '../../testing/fixture.ts'

/** A valid input per procedure, for the generated permission tests (see permissions.test.ts). */
export const authSamples: Record<string, unknown> = {
  'auth.login': { username: 'staff1', password: fixturePassword },
  'auth.logout': undefined,
  'auth.me': undefined,
  // Called once, as the admin, by the generated tests.
  'auth.changePassword': { currentPassword: fixturePassword, newPassword: 'another password 1' },
}
