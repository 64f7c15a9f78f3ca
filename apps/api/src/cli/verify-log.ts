import { openDatabase } from '@onewindow/db'
import { verifyChain } from '../features/operation-log/log-chain.ts'
import { sealPending } from '../features/operation-log/log-seal.ts'

const database = openDatabase()
try {
  await sealPending(database.db)
  const report = await verifyChain(database.db)
  if (report.ok) {
    console.log(`Operation log intact: ${report.checked} entries verified.`)
  } else {
    console.error(
      `Operation log BROKEN at entry ${report.firstBrokenId} (${report.reason}); ${report.checked} entries before it verified.`,
    )
    process.exitCode = 1
  }
} finally {
  await database.destroy()
}
