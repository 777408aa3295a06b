/** Whether a client may spend a query's cost now, and if not, when it may again. */
export type Spend = { ok: true } | { ok: false; retryAfterMs: number; remaining: number }

/** Beyond this many clients in one window, new ones share a single budget: the table stays small. */
const MAX_CLIENTS = 50_000
const OTHERS = '(other addresses)'

/**
 * Cost units per client per fixed window. Express-rate-limit counts requests, not their weight,
 * so this small table does: one number per address, all cleared when the window turns.
 */
export class CostBudget {
  private spent = new Map<string, number>()
  private windowStart = 0

  constructor(
    readonly budget: number,
    readonly windowMs: number,
  ) {}

  spend(client: string, cost: number, now = Date.now()): Spend {
    if (now - this.windowStart >= this.windowMs) {
      this.spent.clear()
      this.windowStart = now
    }
    const key = this.spent.has(client) || this.spent.size < MAX_CLIENTS ? client : OTHERS
    const used = this.spent.get(key) ?? 0
    if (used + cost > this.budget)
      return { ok: false, retryAfterMs: this.windowStart + this.windowMs - now, remaining: this.budget - used }
    this.spent.set(key, used + cost)
    return { ok: true }
  }
}
