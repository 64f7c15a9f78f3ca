/** The audited reveal of a full ID number; mounted under `idNumber`. */
export const idNumberZhCN = {
  reveal: '查看',
  title: '查看完整身份证号',
  notice: '完整身份证号属于个人敏感信息。查看将记入操作日志，包括您填写的原因。',
  reason: '查看原因',
  reasonPlaceholder: '例如：核对申请人身份、电话回访核实',
  reasonTooShort: '请说明原因（至少 4 个字）',
  confirm: '查看号码',
  number: '身份证号',
  hidden: '关闭后号码将重新隐藏。',
  close: '关闭',
}

export const idNumberEnUS: typeof idNumberZhCN = {
  reveal: 'View',
  title: 'View the full ID number',
  notice:
    'A full ID number is sensitive personal data. Viewing it is recorded in the operation log, together with your reason.',
  reason: 'Reason',
  reasonPlaceholder: 'e.g. identity check, call-back verification',
  reasonTooShort: 'Give a reason (at least 4 characters)',
  confirm: 'Show the number',
  number: 'ID number',
  hidden: 'Closing this dialog hides the number again.',
  close: 'Close',
}
