import type { DatabaseHandle } from '@onewindow/db'
import { createTestDatabase, testDialects } from '@onewindow/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { insertCatalogFixture } from '../../testing/catalog-fixture.ts'
import { callerAs } from '../../testing/callers.ts'
import { insertFixture, sessionUserOf } from '../../testing/fixture.ts'
import { insertFinding } from '../audits/audits.testing.ts'
import { insertRating } from '../dashboards/dashboards.testing.ts'
import { caseSupervision } from './case-supervision.ts'

describe.each(testDialects)('what supervision knows of a case on %s', (dialect) => {
  let database: DatabaseHandle

  beforeAll(async () => {
    database = await createTestDatabase(dialect)
    await insertFixture(database.db)
    await insertCatalogFixture(database.db)
  })
  afterAll(() => database.destroy())

  it('shows the visit’s rating and the case’s audits to those who read them', async () => {
    const findingId = await insertFinding(database.db)
    const { caseId, ticketId } = await database.db
      .selectFrom('audit_finding')
      .innerJoin('service_case', 'service_case.id', 'audit_finding.case_id')
      .select(['service_case.id as caseId', 'service_case.ticket_id as ticketId'])
      .where('audit_finding.id', '=', findingId)
      .executeTakeFirstOrThrow()
    const supervisor = await callerAs(database, 'supervisor1')
    const unrated = await supervisor.cases.detail({ caseId })
    expect(unrated.supervision?.rating).toBeNull()
    expect(unrated.supervision?.audits).toMatchObject([
      { state: 'pending', assignee: '甲督查', openFindings: 1 },
    ])

    await insertRating(database.db, ticketId!, 2)
    const manager = await callerAs(database, 'manager1')
    const rated = await manager.cases.detail({ caseId })
    expect(rated.supervision?.rating).toMatchObject({
      score: 2,
      reasons: [],
      excluded: false,
      staffName: '甲窗口',
      followUpState: null,
    })

    // A back office reads neither ratings nor audits.
    const backoffice = await sessionUserOf(database.db, 'backoffice1')
    expect(await caseSupervision(database.db, backoffice, { id: caseId, ticketIds: [] })).toBe(null)
  })
})
