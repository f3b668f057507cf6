/**
 * The reader's "my region": one code, a participant's or a county's (decision 0027: then the county's
 * municipalities), that every app macro on the page shows first; the stored form is unchanged, so a choice
 * stored before counties could be chosen reads the same, remembered on this device and shared with the other macros through Forge
 * events (docs/decisions/0019).
 *
 * - Remembered in localStorage, which the app's iframes share (one origin). A sandboxed iframe may be
 *   refused storage (a SecurityError on access, a quota of 0 in private windows, partitioned or blocked
 *   third-party storage): then the choice lives in memory for this page view only.
 * - Shared by an event `inforandeoversikt:region-choice` { v, code, at, from }. The newest choice wins
 *   (`at`, this device's clock, which all the iframes share); a receiver ignores its own event, so it does
 *   not matter whether Forge hands it back.
 * - A macro that starts after the choice was made reads it from storage; without storage it asks the
 *   others (`inforandeoversikt:region-choice-request`), and any that know a choice answer with it.
 *
 * Pure: it takes the events and the storage as parameters (page-events.ts binds the real ones), so jest
 * and the root tsconfig compile it. Imports src/shared by nothing: the code rule mirrors `regionCode` in
 * src/shared/schemas.ts without pulling zod into the first download.
 */
import { EVENT_PREFIX, PAYLOAD_VERSION, isRecord, listen, newSenderId, send, type EventsPort } from './event-port';

export const REGION_CHOICE_EVENT = `${EVENT_PREFIX}region-choice`;
export const REGION_CHOICE_REQUEST_EVENT = `${EVENT_PREFIX}region-choice-request`;
export const REGION_CHOICE_STORAGE_KEY = 'inforandeoversikt.region-choice';

/** As `regionCode` in src/shared/schemas.ts: 1–16 of A–Z, a–z, 0–9, _ and -. */
const REGION_CODE = /^[A-Za-z0-9_-]{1,16}$/;

export function isRegionCode(value: unknown): value is string {
  return typeof value === 'string' && REGION_CODE.test(value);
}

/** A choice and when it was made (ms since 1970); `at` 0 means nothing has been chosen on this device. */
export interface RegionChoice {
  code: string | null;
  at: number;
}

const NOTHING_CHOSEN: RegionChoice = Object.freeze({ code: null, at: 0 });

// ------------------------------------------------------------------ storage, guarded

export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/**
 * localStorage if this iframe may use it, with memory behind it: every write also goes to memory, and a
 * read that storage refuses comes from memory. Reaching `localStorage` at all can throw in a sandboxed or
 * storage-blocked iframe, so even the lookup is guarded.
 */
export function deviceStorage(getLocal: () => KeyValueStorage | undefined = browserLocalStorage): KeyValueStorage {
  const memory = new Map<string, string>();
  let local: KeyValueStorage | null = null;
  try {
    const candidate = getLocal() ?? null;
    if (candidate) {
      const probe = `${REGION_CHOICE_STORAGE_KEY}.probe`;
      candidate.setItem(probe, '1');
      candidate.removeItem(probe);
      local = candidate;
    }
  } catch {
    local = null;
  }
  return {
    getItem(key) {
      if (local) {
        try {
          return local.getItem(key);
        } catch {
          // Refused after all: memory holds what this iframe wrote.
        }
      }
      return memory.get(key) ?? null;
    },
    setItem(key, value) {
      memory.set(key, value);
      try {
        local?.setItem(key, value);
      } catch {
        // Full or refused: memory keeps it for this page view.
      }
    },
    removeItem(key) {
      memory.delete(key);
      try {
        local?.removeItem(key);
      } catch {
        // As above.
      }
    },
  };
}

function browserLocalStorage(): KeyValueStorage | undefined {
  return (globalThis as { localStorage?: KeyValueStorage }).localStorage;
}

/** The stored choice, or nothing chosen when the entry is missing, unreadable or of another version. */
export function readStoredChoice(storage: KeyValueStorage): RegionChoice {
  try {
    const text = storage.getItem(REGION_CHOICE_STORAGE_KEY);
    if (text === null) return NOTHING_CHOSEN;
    return parseChoice(JSON.parse(text)) ?? NOTHING_CHOSEN;
  } catch {
    return NOTHING_CHOSEN;
  }
}

function parseChoice(value: unknown): RegionChoice | null {
  if (!isRecord(value) || value.v !== PAYLOAD_VERSION) return null;
  const { code, at } = value;
  if (!(code === null || isRegionCode(code))) return null;
  if (typeof at !== 'number' || !Number.isFinite(at) || at <= 0) return null;
  return { code, at };
}

function newer(candidate: RegionChoice, current: RegionChoice): boolean {
  return candidate.at > current.at;
}

// ------------------------------------------------------------------ the store

export interface RegionChoiceOptions {
  storage: KeyValueStorage;
  /** Forge events; without them the choice is this macro's alone (and still remembered). */
  events?: EventsPort;
  now?: () => number;
  senderId?: string;
}

/** A small external store (useSyncExternalStore): get, subscribe, set. */
export class RegionChoiceStore {
  private current: RegionChoice;
  private readonly listeners = new Set<() => void>();
  private readonly storage: KeyValueStorage;
  private readonly events: EventsPort | undefined;
  private readonly now: () => number;
  private readonly senderId: string;
  private stops: Array<() => void> = [];

  constructor(options: RegionChoiceOptions) {
    this.storage = options.storage;
    this.events = options.events;
    this.now = options.now ?? Date.now;
    this.senderId = options.senderId ?? newSenderId();
    this.current = readStoredChoice(this.storage);
  }

  /** The chosen code, or null. Stable between changes, as useSyncExternalStore needs. */
  get = (): string | null => this.current.code;

  /** The choice with its time, for tests and for a view that wants to say when it was made. */
  choice(): RegionChoice {
    return this.current;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  /**
   * The reader chose a region (or none: null). Applies here at once, is remembered, and is sent to the
   * other macros. A code that is not a participant code is refused (a programming error, not input).
   */
  set = (code: string | null): void => {
    if (!(code === null || isRegionCode(code))) throw new Error(`Not a region code: ${String(code)}`);
    if (code === this.current.code) return;
    // Strictly later than what is held, even if the clock stepped back.
    const at = Math.max(this.now(), this.current.at + 1);
    this.apply({ code, at });
    if (this.events) void send(this.events, REGION_CHOICE_EVENT, this.payload());
  };

  /**
   * Starts hearing the other macros, and asks them for a choice this iframe may have missed (storage
   * refused, or a choice made while this macro was loading). Call once; dispose() undoes it.
   */
  connect(): void {
    const events = this.events;
    if (!events || this.stops.length > 0) return;
    this.stops.push(listen(events, REGION_CHOICE_EVENT, (payload) => this.receive(payload)));
    this.stops.push(
      listen(events, REGION_CHOICE_REQUEST_EVENT, (payload) => {
        if (!isRecord(payload) || payload.v !== PAYLOAD_VERSION || payload.from === this.senderId) return;
        if (this.current.at > 0) void send(events, REGION_CHOICE_EVENT, this.payload());
      }),
    );
    void send(events, REGION_CHOICE_REQUEST_EVENT, { v: PAYLOAD_VERSION, from: this.senderId });
  }

  dispose(): void {
    for (const stop of this.stops) stop();
    this.stops = [];
    this.listeners.clear();
  }

  private receive(payload: unknown): void {
    if (!isRecord(payload) || payload.from === this.senderId) return;
    const heard = parseChoice(payload);
    if (!heard) return;
    // Storage is shared by the app's iframes: it may hold a choice newer still, which this one missed.
    const stored = readStoredChoice(this.storage);
    const choice = newer(stored, heard) ? stored : heard;
    if (newer(choice, this.current)) this.apply(choice);
  }

  private apply(choice: RegionChoice): void {
    this.current = Object.freeze({ ...choice });
    // Another iframe may have stored a newer one meanwhile (storage is shared): never write over it.
    if (!newer(readStoredChoice(this.storage), choice)) {
      this.storage.setItem(REGION_CHOICE_STORAGE_KEY, JSON.stringify({ v: PAYLOAD_VERSION, code: choice.code, at: choice.at }));
    }
    for (const listener of [...this.listeners]) listener();
  }

  private payload() {
    return { v: PAYLOAD_VERSION, code: this.current.code, at: this.current.at, from: this.senderId };
  }
}
