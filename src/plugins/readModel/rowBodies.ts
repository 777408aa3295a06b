/**
 * Stored answers of single rows kept in memory, least recently used first out, within a budget of
 * bytes. An entry holds for one version of its row (its token and expiry, which every write and
 * every re-render at an embargo's lift change), so a reader that knows the row's current version
 * from the database never gets an older body.
 */
export type RowBody = { token: string | null; expires: string | null; body: Buffer; deps: string | null }

export class RowBodies {
  private entries = new Map<number, RowBody>()
  private bytes = 0

  constructor(private readonly maxBytes: number) {}

  get(id: number, token: string | null, expires: string | null): RowBody | undefined {
    const entry = this.entries.get(id)
    if (!entry || entry.token !== token || entry.expires !== expires) return undefined
    this.entries.delete(id)
    this.entries.set(id, entry)
    return entry
  }

  set(id: number, entry: RowBody): void {
    const size = entry.body.byteLength + (entry.deps?.length ?? 0)
    if (size > this.maxBytes / 8) return
    this.delete(id)
    this.entries.set(id, entry)
    this.bytes += size
    for (const [oldest, old] of this.entries) {
      if (this.bytes <= this.maxBytes) break
      this.entries.delete(oldest)
      this.bytes -= old.body.byteLength + (old.deps?.length ?? 0)
    }
  }

  delete(id: number): void {
    const old = this.entries.get(id)
    if (!old) return
    this.entries.delete(id)
    this.bytes -= old.body.byteLength + (old.deps?.length ?? 0)
  }

  get size(): number {
    return this.bytes
  }
}
