import { setImmediate as nextTurn } from 'node:timers/promises'

/** Gives the event loop a turn: long work (imports, first fills) yields so other requests are served. */
export const yieldToLoop = (): Promise<void> => nextTurn()
