/** 13812345678 → 138****5678; anything too short to mask keeps only its last character. */
export function maskPhone(phone: string): string {
  if (phone.length >= 7) return `${phone.slice(0, 3)}****${phone.slice(-4)}`
  return phone.length <= 1 ? phone : `${'*'.repeat(phone.length - 1)}${phone.slice(-1)}`
}

/** 310101199001011234 → 3101**********1234 (resident ID numbers). */
export function maskIdNumber(idNumber: string): string {
  if (idNumber.length < 8) return '*'.repeat(idNumber.length)
  return `${idNumber.slice(0, 4)}${'*'.repeat(idNumber.length - 8)}${idNumber.slice(-4)}`
}

/** 张三明 → 张*明, 李四 → 李*: the family name and, for longer names, the last character stay. */
export function maskName(name: string): string {
  const chars = Array.from(name)
  if (chars.length <= 1) return '*'.repeat(chars.length)
  if (chars.length === 2) return `${chars[0]}*`
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars.at(-1)}`
}
