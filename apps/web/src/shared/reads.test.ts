import { describe, expect, it } from 'vitest'
import { nextTick, ref } from 'vue'
import { usePagedList } from './use-paged-list'
import { useRead } from './use-read'

/** A promise the test settles by hand, to answer reads out of order. */
function deferred<T>() {
  let resolve!: (value: T) => void
  let reject!: (error: unknown) => void
  const promise = new Promise<T>((ok, fail) => {
    resolve = ok
    reject = fail
  })
  return { promise, resolve, reject }
}

const settle = () => new Promise((done) => setTimeout(done, 0))

describe('useRead', () => {
  it('reads at once and again on a change, keeping only the newest answer', async () => {
    const day = ref('2026-11-02')
    const answers = new Map<string, ReturnType<typeof deferred<string>>>()
    const { data, loading } = useRead(() => {
      const answer = deferred<string>()
      answers.set(day.value, answer)
      return answer.promise
    }, [day])
    expect(loading.value).toBe(true)

    day.value = '2026-11-03'
    await nextTick()
    answers.get('2026-11-03')!.resolve('Tuesday')
    answers.get('2026-11-02')!.resolve('Monday, too late')
    await settle()
    expect(data.value).toBe('Tuesday')
    expect(loading.value).toBe(false)
  })

  it('says a read failed, and a retry that works clears it', async () => {
    let fail = true
    const { data, failed, reload } = useRead(
      () => (fail ? Promise.reject(new Error('offline')) : Promise.resolve(7)),
      [],
    )
    await settle()
    expect(failed.value).toBe(true)
    expect(data.value).toBeNull()

    fail = false
    await reload()
    expect(failed.value).toBe(false)
    expect(data.value).toBe(7)
  })

  it('asks nothing while there is nothing to ask, and empties what it had', async () => {
    const centerId = ref<number | undefined>(3)
    let calls = 0
    const { data, loading } = useRead(() => {
      if (centerId.value === undefined) return null
      calls++
      return Promise.resolve(`center ${centerId.value}`)
    }, [centerId])
    await settle()
    expect(data.value).toBe('center 3')

    centerId.value = undefined
    await nextTick()
    expect(data.value).toBeNull()
    expect(loading.value).toBe(false)
    expect(calls).toBe(1)
  })
})

describe('usePagedList', () => {
  it('keeps the newest page, and says when a page could not be read', async () => {
    const pages = new Map<number, ReturnType<typeof deferred<{ total: number; rows: string[] }>>>()
    const list = usePagedList((page) => {
      const answer = deferred<{ total: number; rows: string[] }>()
      pages.set(page, answer)
      return answer.promise
    })

    const first = list.reload()
    list.page.value = 2
    const second = list.reload()
    pages.get(1)!.resolve({ total: 40, rows: ['stale'] })
    pages.get(2)!.reject(new Error('offline'))
    await Promise.all([first, second])
    expect(list.failed.value).toBe(true)
    expect(list.rows.value).toEqual([])
    expect(list.loading.value).toBe(false)

    const retry = list.restart()
    expect(list.failed.value).toBe(false)
    pages.get(1)!.resolve({ total: 40, rows: ['a', 'b'] })
    await retry
    expect(list.page.value).toBe(1)
    expect(list.rows.value).toEqual(['a', 'b'])
    expect(list.total.value).toBe(40)
  })
})
