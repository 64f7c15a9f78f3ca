import {
  type Role,
  displayNameMax,
  isDistrictWide,
  managerAssignableRoles,
  needsCenter,
  phonePattern,
  roles,
  usernamePattern,
} from '@onewindow/contracts'
import type { FormItemRule, FormRules } from 'element-plus'
import { computed, reactive, ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { describeApiError, isStaleVersion } from '../../api-errors'
import { trpc } from '../../trpc'
import { useAuthStore } from '../auth/auth-store'

export interface StaffFormModel {
  username: string
  displayName: string
  role: Role
  centerId: number | null
  phone: string
  weeklyMinutes: number
  /** Back-office accounts: the department whose cases they process. */
  departmentId: number | null
}

export type SaveOutcome =
  | { kind: 'created'; name: string; username: string; temporaryPassword: string }
  | { kind: 'updated'; name: string; changed: boolean }

export const defaultWeeklyMinutes = 2400

/**
 * The create/edit form of an account: its model, the server's rules mirrored as form rules, the
 * roles the user may give, and saving.
 */
export function useStaffForm() {
  const { t } = useI18n()
  const auth = useAuthStore()
  const districtWide = computed(() => (auth.user ? isDistrictWide(auth.user.role) : false))
  const staffId = ref<number | null>(null)
  /** The version of the account as loaded; the save names it. */
  const version = ref(0)
  const loading = ref(false)
  const saving = ref(false)
  const usernameError = ref('')
  const model = reactive<StaffFormModel>(blank())

  function blank(): StaffFormModel {
    return {
      username: '',
      displayName: '',
      role: 'staff',
      centerId: districtWide.value ? null : (auth.user?.centerId ?? null),
      phone: '',
      weeklyMinutes: defaultWeeklyMinutes,
      departmentId: null,
    }
  }

  const creating = computed(() => staffId.value === null)
  const editingSelf = computed(() => staffId.value !== null && staffId.value === auth.user?.id)
  const roleOptions = computed<readonly Role[]>(() =>
    districtWide.value ? roles : managerAssignableRoles,
  )
  const showCenter = computed(() => needsCenter(model.role))
  const showDepartment = computed(() => model.role === 'backoffice')

  const pattern = (regex: RegExp, message: string): FormItemRule => ({
    pattern: regex,
    message,
    trigger: 'blur',
  })
  const rules = computed<FormRules<StaffFormModel>>(() => ({
    username: [
      { required: true, message: t('staffAdmin.form.required.username'), trigger: 'blur' },
      pattern(usernamePattern, t('staffAdmin.form.invalid.username')),
    ],
    displayName: [
      {
        required: true,
        whitespace: true,
        message: t('staffAdmin.form.required.displayName'),
        trigger: 'blur',
      },
      {
        max: displayNameMax,
        message: t('staffAdmin.form.invalid.displayName', { max: displayNameMax }),
        trigger: 'blur',
      },
    ],
    role: [{ required: true, message: t('staffAdmin.form.required.role'), trigger: 'change' }],
    centerId: [
      {
        validator: (_rule, value, done) =>
          needsCenter(model.role) && value == null
            ? done(new Error(t('staffAdmin.form.required.center')))
            : done(),
        trigger: 'change',
      },
    ],
    phone: [pattern(phonePattern, t('staffAdmin.form.invalid.phone'))],
    departmentId: [
      {
        validator: (_rule, value, done) =>
          model.role === 'backoffice' && value == null
            ? done(new Error(t('staffAdmin.form.required.department')))
            : done(),
        trigger: 'change',
      },
    ],
  }))

  /** Starts a new account (`null`) or loads an existing one. */
  async function open(id: number | null): Promise<void> {
    staffId.value = id
    usernameError.value = ''
    Object.assign(model, blank())
    if (id === null) return
    loading.value = true
    try {
      const person = await trpc.staff.get.query({ staffId: id })
      version.value = person.version
      Object.assign(model, {
        username: person.username,
        displayName: person.displayName,
        role: person.role,
        centerId: person.centerId,
        phone: person.phone,
        weeklyMinutes: person.weeklyMinutes,
        departmentId: person.departmentId,
      })
    } finally {
      loading.value = false
    }
  }

  /** Saves; null when the server refused (its message has been shown). */
  async function save(): Promise<SaveOutcome | null> {
    const fields = {
      displayName: model.displayName.trim(),
      role: model.role,
      centerId: needsCenter(model.role) ? model.centerId : null,
      phone: model.phone.trim(),
      weeklyMinutes: model.weeklyMinutes,
      departmentId: model.role === 'backoffice' ? model.departmentId : null,
    }
    saving.value = true
    usernameError.value = ''
    try {
      if (staffId.value === null) {
        const created = await trpc.staff.create.mutate({ ...fields, username: model.username })
        return { kind: 'created', name: fields.displayName, ...created }
      }
      const { changed } = await trpc.staff.update.mutate({
        ...fields,
        staffId: staffId.value,
        version: version.value,
      })
      return { kind: 'updated', name: fields.displayName, changed }
    } catch (error) {
      const failure = describeApiError(error, '')
      if (failure.appCode === 'staff.duplicateUsername') usernameError.value = failure.message
      // Someone else saved first (the toast says so): show the account as it is now.
      if (isStaleVersion(error) && staffId.value !== null) await open(staffId.value)
      return null
    } finally {
      saving.value = false
    }
  }

  return {
    model,
    rules,
    loading,
    saving,
    creating,
    editingSelf,
    districtWide,
    roleOptions,
    showCenter,
    showDepartment,
    usernameError,
    open,
    save,
  }
}
