import type { FormRules } from 'element-plus'
import { type ComputedRef, computed } from 'vue'
import { useI18n } from 'vue-i18n'

/** Form rules for a `code` field: six digits, spaces allowed between them. */
export function useCodeRules(): ComputedRef<FormRules> {
  const { t } = useI18n()
  return computed(() => ({
    code: [
      {
        pattern: /^\s*(\d\s*){6}$/,
        required: true,
        message: t('twoFactor.codeRequired'),
        trigger: 'blur',
      },
    ],
  }))
}
