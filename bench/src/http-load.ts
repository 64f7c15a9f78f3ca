/**
 * Requests per second and latency of signed-in API calls through the real HTTP stack
 * (Fastify + tRPC + session lookup), on SQLite, and on MariaDB when MYSQL_URL is set.
 */
import type { AddressInfo } from 'node:net'
import { buildServer } from '@onewindow/api/server.ts'
import { fixturePassword, insertFixture } from '@onewindow/api/testing/fixture.ts'
import { totpCode } from '@onewindow/db'
import { demoTwoFactorSecret } from '@onewindow/db/seed'
import { createTestDatabase, testDialects } from '@onewindow/db/testing'
import autocannon from 'autocannon'

const seconds = Number(process.env.BENCH_SECONDS ?? 5)

for (const dialect of testDialects) {
  const database = await createTestDatabase(dialect)
  await insertFixture(database.db)
  const app = await buildServer({
    database,
    config: { webDist: '/nonexistent', trustProxy: false, logLevel: 'silent', demo: true },
  })
  await app.listen({ port: 0, host: '127.0.0.1' })
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
  const post = (procedure: string, input: unknown) =>
    fetch(`${url}/trpc/${procedure}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ json: input }),
    })
  // The admin signs in with a code of the demo authenticator the fixture gives the role.
  const password = await post('auth.login', { username: 'admin', password: fixturePassword })
  const answer = (await password.json()) as { result: { data: { json: { challenge: string } } } }
  const { challenge } = answer.result.data.json
  const login = await post('auth.verifyCode', { challenge, code: totpCode(demoTwoFactorSecret) })
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!

  for (const path of [
    '/trpc/auth.me',
    `/trpc/staff.list?input=${encodeURIComponent('{"json":{}}')}`,
  ]) {
    const result = await autocannon({
      url: url + path,
      connections: 10,
      duration: seconds,
      headers: { cookie },
    })
    console.log(
      `${dialect.padEnd(6)} GET ${path.split('?')[0]!.padEnd(18)} ${Math.round(result.requests.average)} req/s, ` +
        `p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, errors ${result.errors + result.non2xx}`,
    )
  }
  await app.close()
  await database.destroy()
}
