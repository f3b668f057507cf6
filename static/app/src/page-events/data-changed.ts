/**
 * "The data changed": after a save, the macro that saved tells the app's other macros on the page the new
 * revision (the installation's `meta:revision` token, which every write replaces and every save answers
 * with), and each of them reads its view again (docs/decisions/0019).
 *
 * The event `inforandeoversikt:data-changed` carries { v, revision, programmeId, from }: no data, so it
 * stays tiny and reveals nothing a reader of the page could not read anyway; each macro refetches through
 * its own resolver call, under its own configuration and the reader's own permissions.
 *
 * A revision is heard once (several macros could pass it on, or Forge could hand the sender its own
 * event back); the sender's own events are ignored. Pure: page-events.ts binds the real `events`.
 */
import { EVENT_PREFIX, PAYLOAD_VERSION, isRecord, listen, newSenderId, send, type EventsPort } from './event-port';

export const DATA_CHANGED_EVENT = `${EVENT_PREFIX}data-changed`;

/** A revision token is short; anything longer is not one of ours. */
const MAX_TOKEN_LENGTH = 200;
/** How many revisions are remembered as heard (a page sees a handful of saves). */
const REMEMBERED = 64;

export interface DataChange {
  revision: string;
  /** The programme that was written, when the saver knows it; null when it does not say. */
  programmeId: string | null;
}

export type DataChangeListener = (change: DataChange) => void;

function token(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_TOKEN_LENGTH;
}

export function parseDataChange(payload: unknown): (DataChange & { from: unknown }) | null {
  if (!isRecord(payload) || payload.v !== PAYLOAD_VERSION) return null;
  const { revision, programmeId, from } = payload;
  if (!token(revision)) return null;
  if (!(programmeId === null || programmeId === undefined || token(programmeId))) return null;
  return { revision, programmeId: programmeId ?? null, from };
}

export interface DataChangedOptions {
  events?: EventsPort;
  senderId?: string;
}

export class DataChangedChannel {
  private readonly events: EventsPort | undefined;
  private readonly senderId: string;
  private readonly listeners = new Set<DataChangeListener>();
  private readonly heard: string[] = [];
  private stop: (() => void) | null = null;

  constructor(options: DataChangedOptions = {}) {
    this.events = options.events;
    this.senderId = options.senderId ?? newSenderId();
  }

  /** Call after a save succeeded, with the revision it answered. The other macros refetch; this one does not hear it. */
  announce(change: DataChange): Promise<void> {
    if (!token(change.revision)) return Promise.reject(new Error('announce needs the revision the save answered'));
    this.remember(change.revision);
    if (!this.events) return Promise.resolve();
    return send(this.events, DATA_CHANGED_EVENT, {
      v: PAYLOAD_VERSION,
      revision: change.revision,
      programmeId: change.programmeId,
      from: this.senderId,
    });
  }

  /** Calls `listener` for each new revision another macro announces. Returns the unsubscribe. */
  subscribe = (listener: DataChangeListener): (() => void) => {
    this.listeners.add(listener);
    this.connect();
    return () => {
      this.listeners.delete(listener);
    };
  };

  /** Starts hearing the other macros (subscribe does it on first use). */
  connect(): void {
    if (!this.events || this.stop) return;
    this.stop = listen(this.events, DATA_CHANGED_EVENT, (payload) => this.receive(payload));
  }

  dispose(): void {
    this.stop?.();
    this.stop = null;
    this.listeners.clear();
  }

  private receive(payload: unknown): void {
    const change = parseDataChange(payload);
    if (!change || change.from === this.senderId || this.heard.includes(change.revision)) return;
    this.remember(change.revision);
    const heard: DataChange = { revision: change.revision, programmeId: change.programmeId };
    for (const listener of [...this.listeners]) {
      try {
        listener(heard);
      } catch (e) {
        console.error('A data-changed listener failed', e);
      }
    }
  }

  private remember(revision: string): void {
    this.heard.push(revision);
    if (this.heard.length > REMEMBERED) this.heard.shift();
  }
}
