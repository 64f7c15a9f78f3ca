/** A rating tablet keeps the counter it stands at here, chosen once at setup. */
export const tabletCounterKey = 'onewindow.rateCounter'

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage
  } catch {
    // Storage can be blocked (privacy settings): the tablet asks for its counter each time.
    return null
  }
}

export function tabletCounter(): number | null {
  const value = Number(storage()?.getItem(tabletCounterKey))
  return Number.isInteger(value) && value > 0 ? value : null
}

export function saveTabletCounter(counterId: number): void {
  storage()?.setItem(tabletCounterKey, String(counterId))
}

export function forgetTabletCounter(): void {
  storage()?.removeItem(tabletCounterKey)
}
