import { anomalyErrors } from './anomalies.ts'
import { appointmentErrors } from './appointments.ts'
import { auditErrors } from './audits.ts'
import { balancingErrors } from './balancing.ts'
import { caseErrors } from './cases.ts'
import { dashboardErrors } from './dashboards.ts'
import { evaluationErrors } from './evaluations.ts'
import { fairnessErrors } from './fairness.ts'
import { idNumberErrors } from './id-numbers.ts'
import { quotaErrors } from './quotas.ts'
import { rosterErrors } from './roster.ts'
import { writeSafetyErrors } from './write-safety.ts'
import { twoFactorErrors } from './auth.ts'

/**
 * Application error codes. The server puts the code in `error.data.appCode` and a message
 * translated for the caller's locale; the SPA can translate the code itself as well.
 */
export const errorMessages = {
  ...anomalyErrors,
  ...appointmentErrors,
  ...auditErrors,
  ...balancingErrors,
  ...caseErrors,
  ...dashboardErrors,
  ...evaluationErrors,
  ...fairnessErrors,
  ...idNumberErrors,
  ...quotaErrors,
  ...rosterErrors,
  ...writeSafetyErrors,
  ...twoFactorErrors,
  'auth.invalidCredentials': {
    'zh-CN': '用户名或密码错误',
    'en-US': 'Wrong user name or password',
  },
  'auth.locked': {
    'zh-CN': '登录失败次数过多，账户已临时锁定，请稍后再试',
    'en-US': 'Too many failed sign-ins; the account is locked for a while. Try again later',
  },
  'auth.rateLimited': {
    'zh-CN': '登录尝试过于频繁，请稍后再试',
    'en-US': 'Too many sign-in attempts; try again later',
  },
  'auth.unauthenticated': {
    'zh-CN': '请先登录',
    'en-US': 'Please sign in',
  },
  'auth.wrongCurrentPassword': {
    'zh-CN': '当前密码不正确',
    'en-US': 'The current password is wrong',
  },
  'auth.mustChangePassword': {
    'zh-CN': '密码已被重置，请先设置新密码',
    'en-US': 'Your password was reset; choose a new one first',
  },
  'auth.samePassword': {
    'zh-CN': '新密码不能与当前密码相同',
    'en-US': 'The new password must differ from the current one',
  },
  'auth.forbidden': {
    'zh-CN': '没有权限执行此操作',
    'en-US': 'You are not allowed to do this',
  },
  'auth.outOfScope': {
    'zh-CN': '无权访问其他中心的数据',
    'en-US': 'You may not access the data of another center',
  },
  'common.notFound': {
    'zh-CN': '记录不存在',
    'en-US': 'The record does not exist',
  },
  'common.routeNotFound': {
    'zh-CN': '请求的接口不存在',
    'en-US': 'No such API route',
  },
  // Live queue
  'queue.kioskRequired': {
    'zh-CN': '此设备未登记为取号机，请由中心负责人登录后登记',
    'en-US': 'This device is not a registered kiosk; a center manager must register it',
  },
  'queue.itemNotOffered': {
    'zh-CN': '本中心不受理该事项',
    'en-US': 'This center does not handle that service item',
  },
  'queue.counterNotOpen': {
    'zh-CN': '请先开启您的窗口',
    'en-US': 'Open your counter first',
  },
  'queue.counterBusy': {
    'zh-CN': '该窗口已有其他工作人员在岗',
    'en-US': 'Someone else is working at that counter',
  },
  'queue.alreadyAtCounter': {
    'zh-CN': '您已在另一个窗口在岗，请先关闭该窗口',
    'en-US': 'You are already at another counter; close it first',
  },
  'queue.counterClosed': {
    'zh-CN': '该窗口未开放',
    'en-US': 'That counter is not open',
  },
  'queue.nothingWaiting': {
    'zh-CN': '当前没有您可办理的等候号',
    'en-US': 'No waiting ticket you can serve',
  },
  'queue.busyWithTicket': {
    'zh-CN': '请先办结当前的号',
    'en-US': 'Finish the current ticket first',
  },
  'queue.notYourTicket': {
    'zh-CN': '这不是您窗口的号',
    'en-US': 'That ticket is not at your counter',
  },
  'queue.wrongTicketState': {
    'zh-CN': '该号当前状态不允许此操作',
    'en-US': 'The ticket is not in a state that allows this',
  },
  'queue.tooManyRecalls': {
    'zh-CN': '已重复叫号 3 次，请标记为过号',
    'en-US': 'Already recalled 3 times: mark it as a no-show',
  },
  'queue.rejectReasonRequired': {
    'zh-CN': '不予受理时须填写原因',
    'en-US': 'A rejection needs a reason',
  },
  'queue.transferTargetRequired': {
    'zh-CN': '请选择转往的业务类别或同事（二选一）',
    'en-US': 'Choose either a skill or a colleague to transfer to',
  },
  'queue.paused': {
    'zh-CN': '窗口暂停中，请先恢复',
    'en-US': 'Your counter is paused; resume first',
  },
  // Import and export (transfer feature)
  'transfer.unreadableEncoding': {
    'zh-CN': '文件编码无法识别，请另存为 UTF-8 或 GBK 编码的 CSV，或使用 Excel 文件',
    'en-US': 'Unknown text encoding: save the file as UTF-8 or GBK CSV, or use an Excel file',
  },
  'transfer.unreadableFormat': {
    'zh-CN': '文件无法读取，请确认是 CSV 或 Excel（.xlsx）文件',
    'en-US': 'The file cannot be read: it must be a CSV or Excel (.xlsx) file',
  },
  'transfer.emptyFile': {
    'zh-CN': '文件中没有数据',
    'en-US': 'The file holds no data',
  },
  'transfer.missingColumn': {
    'zh-CN': '缺少必需的列',
    'en-US': 'A required column is missing',
  },
  'transfer.duplicateInFile': {
    'zh-CN': '与文件中前面的行重复',
    'en-US': 'Repeats an earlier line of the file',
  },
  'transfer.unknownReference': {
    'zh-CN': '引用的编码不存在',
    'en-US': 'No record has this code',
  },
  'transfer.invalidValue': {
    'zh-CN': '取值无效',
    'en-US': 'Invalid value',
  },
  'common.centerRequired': {
    'zh-CN': '请选择服务中心',
    'en-US': 'Choose a center',
  },
  'common.badRequest': {
    'zh-CN': '输入有误，请检查后重试',
    'en-US': 'Invalid input; please check and try again',
  },
  'common.internal': {
    'zh-CN': '服务器出错了，请稍后重试',
    'en-US': 'Something went wrong on the server; please try again later',
  },
  'common.databaseUnavailable': {
    'zh-CN': '服务暂时不可用（数据库连接中断），本次操作未生效，请稍后重试',
    'en-US':
      'The service is briefly unavailable (the database connection dropped); nothing was saved, please try again',
  },
  'common.tooLarge': {
    'zh-CN': '提交的内容过大',
    'en-US': 'What was sent is too large',
  },
  'staff.cannotDisableSelf': {
    'zh-CN': '不能停用自己的账户',
    'en-US': 'You cannot disable your own account',
  },
  // ---- Staff administration and the skills matrix ----
  'staff.duplicateUsername': {
    'zh-CN': '该用户名已被使用，请换一个',
    'en-US': 'This user name is already taken; choose another',
  },
  'staff.usernameFormat': {
    'zh-CN': '用户名为 3–32 位小写字母、数字、点、下划线或连字符，并以字母或数字开头',
    'en-US':
      'User names are 3–32 lower-case letters, digits, dots, underscores or hyphens, starting with a letter or digit',
  },
  'staff.phoneFormat': {
    'zh-CN': '请输入 11 位手机号码，或留空',
    'en-US': 'Enter an 11-digit mobile number, or leave it empty',
  },
  'staff.departmentRequired': {
    'zh-CN': '后台人员须指定所属部门',
    'en-US': 'A back-office account needs its department',
  },
  'staff.departmentOnlyBackoffice': {
    'zh-CN': '只有后台人员才属于部门',
    'en-US': 'Only back-office accounts belong to a department',
  },
  'staff.centerRequired': {
    'zh-CN': '除区级管理员外，每个账户都必须属于一个中心',
    'en-US': 'Every account except a district admin belongs to a center',
  },
  'staff.adminHasNoCenter': {
    'zh-CN': '区级管理员面向全区，不属于任何中心',
    'en-US': 'A district admin works district-wide and belongs to no center',
  },
  'staff.roleNotAllowed': {
    'zh-CN': '中心负责人只能创建和管理窗口人员与督查员账户',
    'en-US': 'A center manager may only create and manage staff and supervisor accounts',
  },
  'staff.cannotChangeCenter': {
    'zh-CN': '中心负责人不能更改人员的所属中心',
    'en-US': 'A center manager cannot move anyone to another center',
  },
  'staff.cannotChangeOwnRole': {
    'zh-CN': '不能更改自己的角色',
    'en-US': 'You cannot change your own role',
  },
  'staff.cannotResetOwnPassword': {
    'zh-CN': '不能重置自己的密码，请使用“修改密码”',
    'en-US': 'You cannot reset your own password; use “Change password” instead',
  },
  'staff.skillRetired': {
    'zh-CN': '该技能已停用，不能再授予',
    'en-US': 'This skill is retired and can no longer be granted',
  },
  'staff.certifiedInFuture': {
    'zh-CN': '认证日期不能晚于今天',
    'en-US': 'The certification date cannot be in the future',
  },
  'staff.certifiedOnRequired': {
    'zh-CN': '请填写认证日期',
    'en-US': 'Enter the certification date',
  },
  'staff.duplicateStaffIds': {
    'zh-CN': '人员列表中有重复',
    'en-US': 'The list of people has duplicates',
  },
  'staff.noCenter': {
    'zh-CN': '该人员不属于任何中心，不能授予技能',
    'en-US': 'This person belongs to no center and cannot hold skills',
  },
  // Service catalog (departments, skills, service items)
  'catalog.invalidCode': {
    'zh-CN': '编码只能包含字母、数字、短横线和下划线，且以字母或数字开头',
    'en-US': 'Codes use letters, digits, hyphens and underscores, starting with a letter or digit',
  },
  'catalog.duplicateDepartmentCode': {
    'zh-CN': '部门编码已存在，请换一个编码',
    'en-US': 'A department with this code already exists',
  },
  'catalog.duplicateSkillCode': {
    'zh-CN': '技能编码已存在，请换一个编码',
    'en-US': 'A skill with this code already exists',
  },
  'catalog.duplicateItemCode': {
    'zh-CN': '事项编码已存在，请换一个编码',
    'en-US': 'A service item with this code already exists',
  },
  'catalog.departmentNotFound': {
    'zh-CN': '所选部门不存在',
    'en-US': 'The chosen department does not exist',
  },
  'catalog.skillNotFound': {
    'zh-CN': '所选技能不存在',
    'en-US': 'The chosen skill does not exist',
  },
  'catalog.skillRetired': {
    'zh-CN': '所选技能已停用，不能再分配事项',
    'en-US': 'The chosen skill is retired; items cannot be assigned to it',
  },
  'catalog.centerNotFound': {
    'zh-CN': '所选受理中心不存在',
    'en-US': 'A chosen center does not exist',
  },
  'catalog.promisedDaysRequired': {
    'zh-CN': '承诺件须填写承诺办结时限（1–60 个工作日）',
    'en-US': 'A commitment item needs its promised working days (1–60)',
  },
  'catalog.centersRequired': {
    'zh-CN': '指定中心办理时须至少选择一个受理中心',
    'en-US': 'Choose at least one center when the item is offered at selected centers',
  },
  'catalog.departmentInUse': {
    'zh-CN': '仍有技能或事项属于该部门，不能删除',
    'en-US': 'Skills or service items still belong to this department; it cannot be deleted',
  },
  'catalog.skillInUse': {
    'zh-CN': '该技能仍被事项、人员或窗口使用，不能删除，可改为停用',
    'en-US': 'Items, staff or counters still use this skill; retire it instead of deleting',
  },
  'catalog.itemInUse': {
    'zh-CN': '该事项已有业务记录，不能删除，可改为停用',
    'en-US': 'Records already refer to this service item; retire it instead of deleting',
  },
  // Organisation: centers, counters and the working-day calendar.
  'org.duplicateCenterCode': {
    'zh-CN': '已有相同编号的受理中心',
    'en-US': 'A center with this code already exists',
  },
  'org.duplicateCounterCode': {
    'zh-CN': '本中心已有相同编号的窗口',
    'en-US': 'This center already has a counter with this code',
  },
  'org.dedicatedCounterNeedsSkill': {
    'zh-CN': '专窗至少需要选择一项技能',
    'en-US': 'A dedicated counter needs at least one skill',
  },
  'org.comprehensiveCounterHasSkills': {
    'zh-CN': '综合窗口不设专属技能',
    'en-US': 'A comprehensive counter has no skills of its own',
  },
  'org.unknownSkill': {
    'zh-CN': '所选技能不存在或已停用',
    'en-US': 'A chosen skill does not exist or is retired',
  },
  'org.counterReferenced': {
    'zh-CN': '该窗口已有业务记录，不能删除，可改为停用',
    'en-US': 'This counter has records and cannot be deleted; retire it instead',
  },
  'org.invalidCode': {
    'zh-CN': '编号只能包含字母、数字和连字符',
    'en-US': 'A code may contain only letters, digits and hyphens',
  },
  'org.invalidTime': {
    'zh-CN': '时间格式应为 HH:MM',
    'en-US': 'Times are written HH:MM',
  },
  'org.opensAfterCloses': {
    'zh-CN': '结束时间必须晚于开始时间',
    'en-US': 'The closing time must be after the opening time',
  },
  'org.overlappingHours': {
    'zh-CN': '同一天的办公时段不能重叠',
    'en-US': 'Opening hours of the same day must not overlap',
  },
  'org.invalidDate': {
    'zh-CN': '日期格式应为 YYYY-MM-DD',
    'en-US': 'Dates are written YYYY-MM-DD',
  },
  'org.calendarNameRequired': {
    'zh-CN': '请填写节假日或调休的名称',
    'en-US': 'Give the holiday or make-up working day a name',
  },
} as const satisfies Record<string, Record<Locale, string>>

export type AppErrorCode = keyof typeof errorMessages

export const locales = ['zh-CN', 'en-US'] as const
export type Locale = (typeof locales)[number]
export const defaultLocale: Locale = 'zh-CN'

export function isAppErrorCode(value: string): value is AppErrorCode {
  return Object.hasOwn(errorMessages, value)
}

export function errorMessage(code: AppErrorCode, locale: Locale): string {
  return errorMessages[code][locale]
}

/** Picks the best supported locale from an Accept-Language header value. */
export function negotiateLocale(header: string | undefined): Locale {
  if (!header) return defaultLocale
  const wanted = header
    .split(',')
    .map((part) => part.split(';')[0]!.trim().toLowerCase())
    .filter(Boolean)
  for (const tag of wanted) {
    const exact = locales.find((l) => l.toLowerCase() === tag)
    if (exact) return exact
    const sameLanguage = locales.find((l) => l.slice(0, 2).toLowerCase() === tag.slice(0, 2))
    if (sameLanguage) return sameLanguage
  }
  return defaultLocale
}
