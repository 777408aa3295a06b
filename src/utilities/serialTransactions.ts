import { AsyncLocalStorage } from 'node:async_hooks'

import type { BaseDatabaseAdapter, PayloadRequest } from 'payload'

type Release = () => void
type Adapter = Pick<BaseDatabaseAdapter, 'beginTransaction' | 'commitTransaction' | 'rollbackTransaction'>

const LOCKS = new WeakMap<object, WriteLock>()
const AFTER_COMMIT = new WeakMap<object, Map<number | string, (() => void)[]>>()

/**
 * Calls `then` once the transaction commits (never if it rolls back). False where the adapter's
 * transactions are not tracked here: the caller then decides on its own.
 */
export function afterCommit(adapter: object, id: number | string, then: () => void): boolean {
  const waiting = AFTER_COMMIT.get(adapter)
  if (!waiting) return false
  waiting.set(id, [...(waiting.get(id) ?? []), then])
  return true
}

/**
 * One SQLite write at a time in this process, in arrival order. libsql is synchronous underneath:
 * a `BEGIN IMMEDIATE` (or a lone write) that meets another connection's write lock waits inside
 * the call, holding the event loop, so a holder in the same process can never finish and both
 * stall until SQLite gives up. Queued here, they wait on a promise instead. Other processes on the
 * same file still meet at SQLite's own lock, where the holder runs on and the wait ends.
 */
export class WriteLock {
  private tail: Promise<void> = Promise.resolve()
  private readonly holding = new AsyncLocalStorage<boolean>()

  /** `waitMs`: a holder that never lets go is a bug (a nested write without `req`); say so rather than hang. */
  constructor(private readonly waitMs = 20_000) {}

  /** Resolves with the function that releases the lock, once every earlier holder has. */
  acquire(): Promise<Release> {
    let release!: Release
    const turn = new Promise<void>((resolve) => (release = resolve))
    const previous = this.tail
    this.tail = previous.then(() => turn)
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new Error(
              `Waited ${this.waitMs / 1000} s for the database's write lock: a write inside a transaction was made without its req.`,
            ),
          ),
        this.waitMs,
      )
      timer.unref()
    })
    return Promise.race([previous, timeout]).then(
      () => (clearTimeout(timer), once(release)),
      (error: unknown) => {
        // Our turn still comes; hand it straight on.
        void previous.then(release)
        throw error
      },
    )
  }

  /** Runs `work` holding the lock; a write made inside it (an adapter method calling another) runs at once. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.holding.getStore()) return work()
    const release = await this.acquire()
    try {
      return await this.holding.run(true, work)
    } finally {
      release()
    }
  }
}

/** The adapter's methods that write: outside a transaction each one takes the lock. */
const WRITES = [
  'create',
  'createGlobal',
  'createGlobalVersion',
  'createVersion',
  'deleteMany',
  'deleteOne',
  'deleteVersions',
  'updateGlobal',
  'updateGlobalVersion',
  'updateJobs',
  'updateMany',
  'updateOne',
  'updateVersion',
  'upsert',
] as const

const once = (release: Release): Release => {
  let done = false
  return () => {
    if (!done) release()
    done = true
  }
}

export const writeLockOf = (adapter: object): WriteLock | undefined => LOCKS.get(adapter)

/**
 * Makes the adapter's transactions take the process's write lock at begin and give it back at
 * commit or rollback, and its writes outside a transaction take it for their own length. Only for
 * adapters whose transactions lock the whole database (SQLite).
 */
export function serializeTransactions<A extends Adapter>(adapter: A): A {
  const lock = new WriteLock()
  const sessions = () => (adapter as unknown as { sessions?: Record<string, unknown> }).sessions ?? {}
  const inTransaction = async (req: Partial<PayloadRequest> | undefined) => {
    const id = await req?.transactionID
    return (typeof id === 'string' || typeof id === 'number') && id in sessions()
  }
  const methods = adapter as unknown as Record<string, unknown>
  for (const name of WRITES) {
    const write = methods[name]
    if (typeof write !== 'function') continue
    methods[name] = async function (this: A, args: { req?: Partial<PayloadRequest> } | undefined) {
      if (!(await inTransaction(args?.req))) return lock.run(() => write.call(this, args))
      try {
        return await write.call(this, args)
      } catch (error) {
        // Payload's jobs queue begins a transaction for each updateJobs ({ transactionID } is the
        // whole req) and commits it after, with nothing to end it when the update throws: the
        // lock would never be given back, and no write of this process would run again.
        if (name === 'updateJobs' && args?.req && Object.keys(args.req).length === 1)
          await adapter.rollbackTransaction((await args.req.transactionID) as string)
        throw error
      }
    }
  }
  LOCKS.set(adapter, lock)
  const held = new Map<number | string, Release>()
  const committed = new Map<number | string, (() => void)[]>()
  AFTER_COMMIT.set(adapter, committed)
  const { beginTransaction, commitTransaction, rollbackTransaction } = adapter
  const releaseOf = async (id: number | string | Promise<number | string>) => {
    const key = await id
    held.get(key)?.()
    held.delete(key)
  }
  adapter.beginTransaction = async function (this: A, options) {
    const release = await lock.acquire()
    try {
      const id = await beginTransaction.call(this, options)
      if (id === null) release()
      else held.set(id, release)
      return id
    } catch (error) {
      release()
      throw error
    }
  }
  adapter.commitTransaction = async function (this: A, id) {
    const key = await id
    try {
      await commitTransaction.call(this, id)
    } finally {
      await releaseOf(id)
    }
    const then = committed.get(key) ?? []
    committed.delete(key)
    for (const callback of then) callback()
  }
  adapter.rollbackTransaction = async function (this: A, id) {
    committed.delete(await id)
    try {
      await rollbackTransaction.call(this, id)
    } finally {
      await releaseOf(id)
    }
  }
  return adapter
}
