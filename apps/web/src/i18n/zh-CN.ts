import { appointmentsZhCN } from '../features/appointments/messages'
import { balancingZhCN } from '../features/balancing/messages'
import { casesZhCN } from '../features/cases/messages'
import { inboxZhCN } from '../features/cases/inbox-messages'
import { trackZhCN } from '../features/cases/track-messages'
import { idNumberZhCN } from '../features/id-numbers/messages'
import { catalogZhCN } from '../features/catalog/messages'
import { dashboardsZhCN } from '../features/dashboards/messages'
import { evaluationsZhCN } from '../features/evaluations/messages'
import { twoFactorZhCN } from '../features/auth/messages'
import { anomaliesZhCN } from '../features/anomalies/messages'
import { auditsZhCN } from '../features/audits/messages'
import { fairnessZhCN } from '../features/fairness/messages'
import { operationLogZhCN } from '../features/operation-log/messages'
import { rosterZhCN } from '../features/roster/messages'
import { orgZhCN } from '../features/org/messages'
import { queueZhCN } from '../features/queue/messages'
import { quotasZhCN } from '../features/quotas/messages'
import { staffAdminZhCN } from '../features/staff/messages'
import { transferZhCN } from '../features/transfer/messages'

const zhCN = {
  app: {
    name: '一窗通办',
    title: '一窗通办管理平台',
    centerKind: '社区事务受理服务中心',
    tagline: '一人多能 · 一窗受理 · 全区通办',
    districtWide: '全区',
    copyright: '社区事务受理服务中心 · 一窗通办管理平台',
  },
  changePassword: {
    title: '修改密码',
    subtitle: '请输入当前密码并设置新密码',
    forcedSubtitle: '您的密码已被管理员重置，请先设置新密码再继续使用',
    current: '当前密码',
    next: '新密码',
    confirm: '确认新密码',
    submit: '保存新密码',
    back: '返回',
    required: '请输入密码',
    tooShort: '新密码至少 8 位',
    mismatch: '两次输入的新密码不一致',
    same: '新密码不能与当前密码相同',
    done: '密码已修改',
    link: '修改密码',
  },
  route: {
    login: '登录',
    home: '首页',
    changePassword: '修改密码',
    catalog: '服务事项',
    centers: '中心与窗口',
    calendar: '工作日历',
    skillsMatrix: '技能矩阵',
    staff: '人员管理',
    operationLog: '操作日志',
    forbidden: '无权访问',
    notFound: '页面不存在',
  },
  roles: {
    admin: '区级管理员',
    manager: '中心负责人',
    supervisor: '督查员',
    staff: '窗口人员',
    backoffice: '后台人员',
  },
  lang: {
    label: '界面语言',
    'zh-CN': '中文',
    'en-US': 'English',
  },
  common: {
    live: { connected: '实时', reconnecting: '重连中' },
    confirm: '确定',
    cancel: '取消',
    all: '全部',
    actions: '操作',
    more: '更多',
    backHome: '返回首页',
    comingSoon: '即将上线',
    open: '进入',
    none: '—',
    exportPng: '导出图片（PNG）',
    export: { button: '导出', csv: 'CSV 文件', xlsx: 'Excel 文件（XLSX）' },
    range: { from: '开始日期', to: '结束日期', separator: '至' },
  },
  layout: {
    collapse: '收起菜单',
    expand: '展开菜单',
    logout: '退出登录',
    navigation: '导航菜单',
  },
  errors: {
    network: '无法连接服务器，请检查网络后重试',
    unknown: '操作失败，请稍后重试',
    sessionExpired: '登录已失效，请重新登录',
    forbidden: '抱歉，您没有权限访问此页面',
    notFound: '抱歉，您访问的页面不存在',
  },
  login: {
    welcome: '欢迎登录',
    subtitle: '请使用您的工作账号登录管理平台',
    username: '用户名',
    password: '密码',
    usernamePlaceholder: '请输入用户名',
    passwordPlaceholder: '请输入密码',
    usernameRequired: '请输入用户名',
    passwordRequired: '请输入密码',
    submit: '登录',
    submitting: '正在登录…',
    demoTitle: '演示账号',
    demoHint:
      '密码均为 {password}，点击账号即可填入；管理员、中心负责人和督查员还需输入下一步显示的验证码',
  },
  home: {
    greeting: {
      morning: '早上好，{name}',
      afternoon: '下午好，{name}',
      evening: '晚上好，{name}',
    },
    today: '今天是 {date}',
    roleAt: '{role} · {center}',
    availableNow: '现在可以使用',
    myCenter: '所属中心',
    noPagesYet: '您的工作台即将上线，届时可在此处直接进入排队叫号与个人统计。',
    upcoming: '即将上线',
    upcomingHint: '以下功能正在建设中，上线后将出现在左侧菜单',
    links: {
      dashboards: '全区与本中心的即办率、等候时间与窗口、人员绩效',
      staff: '查看人员、账号状态与登录锁定情况',
      operationLog: '查看全部写操作记录，校验日志链是否完整',
      kiosks: '登记大厅取号机，吊销遗失设备',
      appointments: '为居民预约时段，查看签到情况',
      workbench: '开窗、叫号、办结，查看我的今日业绩',
      inbox: '本部门全区承诺件，按紧急程度办理',
      cases: '全部办件的进度、时限灯与全程时间线',
      catalog: '服务事项、所需材料与承诺时限',
      centers: '中心信息、办公时间与窗口设置',
      calendar: '法定节假日与调休工作日',
      skillsMatrix: '人员技能与各类业务的持证覆盖',
      roster: '按预测客流自动排出周班表，调整后发布',
      mySchedule: '查看本周与下周班次，提交请假申请',
      balancing: '各类业务排队与预计等候，一键调配窗口',
      fairness: '人员工作量、利用率与忙闲均衡程度',
      quotas: '取号、预约与受理的上限和目标，实时用量与预警',
      evaluations: '群众评价、满意度与差评回访整改',
      myEvaluations: '群众对我的评价，可对差评申诉一次',
    },
    centers: {
      title: '全区受理中心',
      total: '受理中心',
      open: '开放中',
      staff: '工作人员',
      staffCount: '{count} 名工作人员',
      openCounterCount: '{count} 个窗口开放',
      code: '编号',
      address: '地址',
      phone: '电话',
      empty: '暂无受理中心',
      status: {
        open: '开放中',
        closed: '已关闭',
      },
    },
    modules: {
      audits: { title: '督查抽检', desc: '抽样检查办件，跟踪整改' },
      evaluations: { title: '好差评', desc: '处理群众评价与差评回访' },
      myStats: { title: '我的业绩', desc: '办件量、工作量积分与评价' },
    },
  },
  staff: {
    subtitle: '查看人员与账号状态，停用账户或解除登录锁定',
    searchPlaceholder: '搜索用户名或姓名',
    allRoles: '全部角色',
    allCenters: '全部中心',
    columns: {
      username: '用户名',
      name: '姓名',
      role: '角色',
      center: '所属中心',
      phone: '手机号',
      status: '账户状态',
      locked: '登录锁定',
    },
    status: {
      active: '启用',
      disabled: '停用',
    },
    lock: {
      locked: '已锁定',
      unlocked: '正常',
    },
    actions: {
      enable: '启用',
      disable: '停用',
      unlock: '解锁',
    },
    confirm: {
      disableTitle: '停用账户',
      disable: '确定停用 {name}（{username}）的账户吗？停用后该账户将立即退出登录。',
      enableTitle: '启用账户',
      enable: '确定启用 {name}（{username}）的账户吗？',
      unlockTitle: '解除锁定',
      unlock: '确定解除 {name}（{username}）的登录锁定吗？',
    },
    done: {
      disabled: '已停用 {name} 的账户',
      enabled: '已启用 {name} 的账户',
      unlocked: '已解除 {name} 的登录锁定',
    },
    empty: '没有符合条件的人员',
  },
  twoFactor: twoFactorZhCN,
  operationLog: operationLogZhCN,
  catalog: catalogZhCN,
  org: orgZhCN,
  staffAdmin: staffAdminZhCN,
  transfer: transferZhCN,
  queue: queueZhCN,
  appointments: appointmentsZhCN,
  balancing: balancingZhCN,
  cases: casesZhCN,
  inbox: inboxZhCN,
  track: trackZhCN,
  idNumber: idNumberZhCN,
  fairness: fairnessZhCN,
  evaluations: evaluationsZhCN,
  anomalies: anomaliesZhCN,
  audits: auditsZhCN,
  dashboards: dashboardsZhCN,
  quotas: quotasZhCN,
  roster: rosterZhCN,
}

export default zhCN
