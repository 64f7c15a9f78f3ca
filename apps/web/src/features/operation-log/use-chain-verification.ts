import type { RouterOutputs } from '@onewindow/api'
import { computed, ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { trpc } from '../../trpc'

type ChainReport = RouterOutputs['operationLog']['verify']

/** Runs the server's hash-chain check and words its report. */
export function useChainVerification() {
  const { t } = useI18n()
  const verifying = ref(false)
  const report = ref<ChainReport | null>(null)

  const message = computed(() => {
    const current = report.value
    if (!current) return ''
    if (current.ok) return t('operationLog.verifyOk', { count: current.checked })
    return t('operationLog.verifyBroken', {
      id: current.firstBrokenId ?? '?',
      count: current.checked,
      reason: current.reason ? t(`operationLog.reasons.${current.reason}`) : '?',
    })
  })

  async function verify(): Promise<void> {
    verifying.value = true
    report.value = null
    try {
      report.value = await trpc.operationLog.verify.query()
    } catch {
      // the API error handler has shown the server's message
    } finally {
      verifying.value = false
    }
  }

  function dismiss(): void {
    report.value = null
  }

  return { verifying, report, message, verify, dismiss }
}
