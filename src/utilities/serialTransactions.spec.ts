import { WriteLock } from './serialTransactions'

const tick = () => new Promise((resolve) => setTimeout(resolve, 5))

describe('WriteLock', () => {
  it('lets one holder in at a time, in arrival order', async () => {
    const lock = new WriteLock()
    const order: string[] = []
    const hold = (name: string) =>
      lock.run(async () => {
        order.push(`${name} in`)
        await tick()
        order.push(`${name} out`)
      })
    await Promise.all([hold('a'), hold('b'), hold('c')])
    expect(order).toEqual(['a in', 'a out', 'b in', 'b out', 'c in', 'c out'])
  })

  it('runs a write made inside a holder at once instead of waiting for itself', async () => {
    const lock = new WriteLock(200)
    await expect(lock.run(() => lock.run(async () => 'nested'))).resolves.toBe('nested')
  })

  it('gives the lock back when the work fails', async () => {
    const lock = new WriteLock(200)
    await expect(lock.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom')
    await expect(lock.run(async () => 'next')).resolves.toBe('next')
  })

  it('says so when a holder never lets go, and the queue moves on once it does', async () => {
    const lock = new WriteLock(50)
    const release = await lock.acquire()
    await expect(lock.run(async () => 'late')).rejects.toThrow(/write lock/)
    release()
    await expect(lock.run(async () => 'after')).resolves.toBe('after')
  })
})
