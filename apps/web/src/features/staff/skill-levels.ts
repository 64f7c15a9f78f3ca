import { type SkillLevel, certifiedLevel, skillLevelNames, skillLevels } from '@onewindow/contracts'

export type LevelKey = (typeof skillLevelNames)[SkillLevel] | 'none'

/** The message key of a level under `staffAdmin.matrix.levels`; no level is 'none'. */
export function levelKey(level: SkillLevel | null | undefined): LevelKey {
  return level ? skillLevelNames[level] : 'none'
}

/** Levels offered by the editors, lowest first. */
export const levelChoices = skillLevels

export const isCertified = (level: SkillLevel | null | undefined) => (level ?? 0) >= certifiedLevel

/** A column header short enough for a narrow column: 医保类 → 医保, 民政救助类 → 民政救助. */
export function shortSkillName(name: string): string {
  const short = name.replace(/类$/, '')
  return short.length > 4 ? short.slice(0, 4) : short
}

/** A center's name without the title every center shares: 申江区滨江街道社区事务受理服务中心 → 申江区滨江街道. */
export function shortCenterName(name: string): string {
  return name.replace(/社区事务受理服务中心$/, '') || name
}
