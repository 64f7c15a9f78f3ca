/** A registered kiosk device keeps its token here; every API call sends it as x-kiosk-token. */
export const kioskTokenKey = 'onewindow.kioskToken'

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage
  } catch {
    // Storage can be blocked (privacy settings); the device then simply is not a kiosk.
    return null
  }
}

export function kioskToken(): string | null {
  return storage()?.getItem(kioskTokenKey) || null
}

export function saveKioskToken(token: string): void {
  storage()?.setItem(kioskTokenKey, token)
}

export function forgetKioskToken(): void {
  storage()?.removeItem(kioskTokenKey)
}

export function kioskHeaders(): Record<string, string> {
  const token = kioskToken()
  return token ? { 'x-kiosk-token': token } : {}
}

/**
 * The address that turns a device into a kiosk when opened on it. The token rides in the
 * fragment, which browsers never send to a server, so it stays out of access logs.
 */
export function kioskLink(kioskPageUrl: string, token: string): string {
  return `${kioskPageUrl}#${new URLSearchParams({ token })}`
}

/** The token of a kiosk link's fragment (`#token=…`), if the address carries one. */
export function tokenInLink(hash: string): string | null {
  return new URLSearchParams(hash.replace(/^#/, '')).get('token')?.trim() || null
}
