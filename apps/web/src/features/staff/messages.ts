/** Strings of the staff admin pages added after the shell (skills matrix, staff editing). */
export const staffAdminZhCN = {
  title: '人员管理',
}

export const staffAdminEnUS: typeof staffAdminZhCN = {
  title: 'Staff',
}
