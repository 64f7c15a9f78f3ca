/** See migrations 2026-11-27-50-two-factor*. */
export interface StaffTwoFactorTable {
  staff_id: number
  /** The TOTP secret, sealed with AES-256-GCM (two-factor.ts); never sent anywhere after enrolment. */
  secret: string
  enrolled_at: number
  /** The time step of the last accepted code: a code of this step or an earlier one is refused. */
  last_step: number | null
}

export interface LoginChallengeTable {
  /** SHA-256 of the token handed to the sign-in page. */
  token_hash: string
  staff_id: number
  /** 'code': the account has a second factor; 'enrol': it must set one up now. */
  kind: 'code' | 'enrol'
  /** For 'enrol': the sealed secret shown for setting up, kept once the first code matches. */
  pending_secret: string | null
  created_at: number
  expires_at: number
}
