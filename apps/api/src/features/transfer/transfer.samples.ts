const itemsCsv = [
  '事项编码,事项名称,部门编码,技能编码,类型,承诺工作日,标准时长(分钟),折算系数,所需材料,办理中心,状态',
  'YB-001,医保卡挂失补办,YB,medical-insurance,即办件,,9,,身份证、医保卡,全区,启用',
].join('\n')

let imported = 0
const staffCsv = () =>
  `用户名,姓名,角色,所属中心编码\nimp-${process.pid}-${++imported},导入人员,窗口人员,C1`

/** A valid input per procedure, for the generated permission tests (see permissions.test.ts). */
export const transferSamples: Record<string, unknown> = {
  'transfer.exportServiceItems': { format: 'csv' },
  'transfer.importServiceItems': {
    format: 'csv',
    base64: Buffer.from(itemsCsv).toString('base64'),
    dryRun: false,
  },
  'transfer.exportStaff': { format: 'xlsx' },
  'transfer.exportSkillsMatrix': { format: 'csv' },
  'transfer.exportCases': { format: 'xlsx', status: 'accepted' },
  'transfer.importStaff': () => ({
    format: 'csv',
    base64: Buffer.from(staffCsv()).toString('base64'),
    dryRun: false,
  }),
}
