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
