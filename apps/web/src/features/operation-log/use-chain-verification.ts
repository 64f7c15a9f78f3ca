import type { RouterOutputs } from '@onewindow/api'
import { computed, ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { formatDateTime } from '../../shared/format'
import { trpc } from '../../trpc'
import { actionLabel, targetLabel } from './oplog-labels'

type ChainReport = RouterOutputs['operationLog']['verify']

/** Runs the server's hash-chain check and words its report, naming the entry where it breaks. */
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

  const detail = computed(() => {
    const current = report.value
    if (!current || current.ok) return ''
    const entry = current.brokenEntry
    if (!entry) return t('operationLog.brokenMissing', { id: current.firstBrokenId ?? '?' })
    return t('operationLog.brokenEntry', {
      id: entry.id,
      time: formatDateTime(entry.at),
      actor: entry.actorName,
      action: actionLabel(entry.action),
      target: targetLabel(entry.targetType, entry.targetId),
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

  return { verifying, report, message, detail, verify, dismiss }
}
