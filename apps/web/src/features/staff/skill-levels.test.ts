import { describe, expect, it } from 'vitest'
import { isCertified, levelKey, shortCenterName, shortSkillName } from './skill-levels'

describe('skill level helpers', () => {
  it('names levels and tells certified apart', () => {
    expect([levelKey(undefined), levelKey(1), levelKey(2), levelKey(3)]).toEqual([
      'none',
      'trainee',
      'certified',
      'expert',
    ])
    expect([isCertified(null), isCertified(1), isCertified(2), isCertified(3)]).toEqual([
      false,
      false,
      true,
      true,
    ])
  })

  it('shortens names for narrow columns', () => {
    expect(shortSkillName('医保类')).toBe('医保')
    expect(shortSkillName('民政救助类')).toBe('民政救助')
    expect(shortSkillName('一个特别长的技能名称')).toBe('一个特别')
    expect(shortCenterName('申江区滨江街道社区事务受理服务中心')).toBe('申江区滨江街道')
    expect(shortCenterName('社区事务受理服务中心')).toBe('社区事务受理服务中心')
  })
})
