import { isTRPCClientError } from '@trpc/client'

export interface ApiFailure {
  /** Already translated by the server for the current locale, or a local fallback. */
  message: string
  code: string | null
  appCode: string | null
  /** Field path (e.g. `password`) → message, for forms. */
  fieldErrors: Record<string, string>
}

interface ErrorData {
  code?: string
  appCode?: string
  fieldErrors?: { path: string; message: string }[]
}

function dataOf(error: unknown): ErrorData | null {
  if (!isTRPCClientError(error)) return null
  const data: unknown = error.data
  return data && typeof data === 'object' ? (data as ErrorData) : null
}

export function isUnauthorized(error: unknown): boolean {
  return dataOf(error)?.code === 'UNAUTHORIZED'
}

/** Someone else saved the record after the form loaded it; the save changed nothing. */
export function isStaleVersion(error: unknown): boolean {
  return dataOf(error)?.appCode === 'common.staleVersion'
}

/**
 * What to tell the user about a failed call. Without tRPC error data the request never reached
 * the API (network down, proxy error), so the message comes from `fallback`.
 */
export function describeApiError(error: unknown, fallback: string): ApiFailure {
  const data = dataOf(error)
  if (!data || !isTRPCClientError(error)) {
    return { message: fallback, code: null, appCode: null, fieldErrors: {} }
  }
  const fieldErrors: Record<string, string> = {}
  for (const issue of data.fieldErrors ?? []) fieldErrors[issue.path] ??= issue.message
  return {
    message: error.message || fallback,
    code: data.code ?? null,
    appCode: data.appCode ?? null,
    fieldErrors,
  }
}

/**
 * The API never answered: fetch failed (TypeError), or something else answered with a body that
 * is not JSON (SyntaxError), as a proxy does with 502 while the API is down.
 */
export function isNetworkError(error: unknown): boolean {
  if (!isTRPCClientError(error) || error.data) return false
  return error.cause instanceof TypeError || error.cause instanceof SyntaxError
}
