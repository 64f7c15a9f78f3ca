/**
 * The production build: apps/api/src/main.ts and the workspace packages it imports bundled into
 * one Node ESM file, dist/server.js, with the roster solver's worker beside it. Native modules and
 * the heavy libraries that load files of their own at run time stay external and are resolved
 * from apps/api/node_modules, so this package lists them as its own dependencies.
 */
import { rmSync } from 'node:fs'
import { resolve } from 'node:path'
import { type BuildOptions, build } from 'esbuild'

const here = import.meta.dirname
export const outdir = resolve(here, 'dist')

const external = ['better-sqlite3', 'mysql2', '@node-rs/argon2', 'highs', 'exceljs']

const shared: BuildOptions = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20.19',
  sourcemap: true,
  external,
  logLevel: 'warning',
  // Bundled CommonJS dependencies call require() for Node's own modules.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
}

export async function buildServerBundle() {
  rmSync(outdir, { recursive: true, force: true })
  await Promise.all([
    build({
      ...shared,
      entryPoints: [resolve(here, 'src/main.ts')],
      outfile: `${outdir}/server.js`,
    }),
    // roster-jobs.ts starts `new URL('./roster-worker.mjs', import.meta.url)`: the same name here.
    build({
      ...shared,
      entryPoints: [resolve(here, 'src/features/roster/roster-worker.ts')],
      outfile: `${outdir}/roster-worker.mjs`,
    }),
  ])
}

if (process.argv[1] === import.meta.filename) {
  const started = performance.now()
  await buildServerBundle()
  console.log(`Built ${outdir}/server.js in ${Math.round(performance.now() - started)} ms.`)
}
