import { Transform } from 'node:stream'
import helmet from '@fastify/helmet'
import { type Locale, errorMessage, importInput } from '@onewindow/contracts'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { appRouter } from './router.ts'

/** A request body may be this large; only file uploads (imports) may reach `uploadBodyLimit`. */
export const bodyLimit = 1024 * 1024
/** Imports upload their file as base64 in the JSON body (see maxUploadBase64Length). */
export const uploadBodyLimit = 12 * 1024 * 1024

/** The procedures that take a file upload: those whose input is the import schema. */
const uploadProcedures = new Set(
  Object.entries(appRouter._def.procedures)
    .filter(([, procedure]) =>
      (procedure as unknown as { _def: { inputs: unknown[] } })._def.inputs.includes(importInput),
    )
    .map(([path]) => path),
)

/** The body limit of a URL: a (batched) tRPC call of upload procedures only may send more. */
export function bodyLimitOf(url: string): number {
  const pathname = url.split('?')[0]!
  if (!pathname.startsWith('/trpc/')) return bodyLimit
  const paths = decodeURIComponent(pathname.slice('/trpc/'.length)).split(',')
  return paths.every((path) => uploadProcedures.has(path)) ? uploadBodyLimit : bodyLimit
}

/**
 * Response headers that keep the SPA from being framed, sniffed or made to run foreign scripts;
 * the CSRF check; and the body size limits. Register before any route.
 */
export async function registerHttpSecurity(
  app: FastifyInstance,
  localeOf: (req: FastifyRequest) => Locale,
) {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Element Plus positions popups and tables with inline style attributes.
        styleSrc: ["'self'", "'unsafe-inline'"],
        // Charts export as data: images; downloads are blob: URLs.
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
    // Not "no-referrer": that makes browsers send `Origin: null` on same-origin writes, which
    // the CSRF check below refuses.
    referrerPolicy: { policy: 'same-origin' },
    // Only over HTTPS (below): on plain HTTP the header is meaningless and would pin a name.
    strictTransportSecurity: false,
  })

  app.addHook('onRequest', async (req, reply) => {
    if (req.protocol === 'https') {
      reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains')
    }
    if (req.method === 'GET' || req.method === 'HEAD') return
    if (isCrossSite(req.headers)) {
      return refuse(reply, 403, 'FORBIDDEN', errorMessage('auth.forbidden', localeOf(req)))
    }
    const limit = bodyLimitOf(req.url)
    if (Number(req.headers['content-length']) > limit) {
      return refuse(reply, 413, 'PAYLOAD_TOO_LARGE', errorMessage('common.tooLarge', localeOf(req)))
    }
  })

  // A body without a declared length is counted as it arrives.
  app.addHook('preParsing', async (req, _reply, payload) => {
    const limit = bodyLimitOf(req.url)
    let received = 0
    return payload.pipe(
      new Transform({
        transform(chunk: Buffer, _encoding, done) {
          received += chunk.length
          done(received > limit ? tooLarge() : null, chunk)
        },
      }),
    )
  })
}

/**
 * CSRF: the cookie is SameSite=Lax, and writes are refused when the browser says they come from
 * another origin (Origin header) or another site (Sec-Fetch-Site, sent even where Origin is not).
 */
function isCrossSite(headers: Record<string, string | string[] | undefined>): boolean {
  const origin = headers.origin
  if (typeof origin === 'string' && hostOf(origin) !== headers.host) return true
  const site = headers['sec-fetch-site']
  return site === 'cross-site' || site === 'same-site'
}

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host
  } catch {
    return null
  }
}

function tooLarge() {
  return Object.assign(new Error('Request body is too large'), {
    statusCode: 413,
    code: 'FST_ERR_CTP_BODY_TOO_LARGE',
  })
}

export function jsonError(code: string, message: string) {
  return { error: { code, message } }
}

function refuse(reply: FastifyReply, status: number, code: string, message: string) {
  return reply.code(status).send(jsonError(code, message))
}
