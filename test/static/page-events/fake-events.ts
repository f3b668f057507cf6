/**
 * A page of macros for the page-events tests: each `port()` is one iframe's @forge/bridge `events`; an
 * emit reaches the other ports, and the emitter too when `echo` is on (Forge does not document which; the
 * local host does either, docs/decisions/0019). Payloads go through JSON, as the host carries them.
 * Delivery is asynchronous, as postMessage is: `settle()` waits for it.
 */
import type { EventsPort } from '../../../static/app/src/page-events/event-port';

export interface Sent {
  from: number;
  event: string;
  payload: unknown;
}

export class FakePage {
  readonly sent: Sent[] = [];
  private readonly handlers: Array<Map<string, Set<(payload?: unknown) => unknown>>> = [];

  constructor(private readonly echo = false) {}

  port(): EventsPort & { index: number } {
    const index = this.handlers.length;
    const own = new Map<string, Set<(payload?: unknown) => unknown>>();
    this.handlers.push(own);
    return {
      index,
      emit: async (event, payload) => {
        const json = payload === undefined ? undefined : JSON.stringify(payload);
        this.sent.push({ from: index, event, payload: json === undefined ? undefined : JSON.parse(json) });
        this.handlers.forEach((table, i) => {
          if (i === index && !this.echo) return;
          for (const cb of [...(table.get(event) ?? [])]) {
            setTimeout(() => void cb(json === undefined ? undefined : JSON.parse(json)), 0);
          }
        });
      },
      on: async (event, callback) => {
        const set = own.get(event) ?? new Set();
        own.set(event, set);
        set.add(callback);
        return { unsubscribe: () => void set.delete(callback) };
      },
    };
  }

  subscriptions(index: number, event: string): number {
    return this.handlers[index]?.get(event)?.size ?? 0;
  }
}

/** Lets every queued delivery (and the promises behind subscribing) run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) await new Promise((r) => setTimeout(r, 0));
}

/** A Map-backed Storage, like the browser's. */
export function memoryStorage(initial: Record<string, string> = {}) {
  const map = new Map(Object.entries(initial));
  return {
    map,
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
  };
}
