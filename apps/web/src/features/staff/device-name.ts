import Bowser from 'bowser'

/**
 * A sign-in's browser and system as a person names them ("Chrome 120 · Windows 10"), read from
 * its user-agent string; the string itself when nothing in it is recognised.
 */
export function deviceName(userAgent: string): string {
  if (!userAgent.trim()) return userAgent
  const { browser, os } = Bowser.parse(userAgent)
  const browserName = [browser.name, browser.version?.split('.')[0]].filter(Boolean).join(' ')
  const systemName = [os.name, os.versionName].filter(Boolean).join(' ')
  return [browserName, systemName].filter(Boolean).join(' · ') || userAgent
}
