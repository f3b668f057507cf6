/**
 * What the page-events modules need of @forge/bridge `events`: emit and on, nothing else. The modules take
 * it as a parameter, so they stay pure (compiled by jest and the root tsconfig, which do not resolve the
 * bridge's deep imports); page-events.ts hands them the real `events` from ../bridge.
 *
 * Forge relays an app's events to the app's other Custom UI iframes on the page (docs/decisions/0019). It
 * does not say whether the emitting iframe hears its own event, so every payload names its sender and a
 * receiver ignores its own: the modules work either way.
 */
export interface EventSubscription {
  unsubscribe(): void;
}

export interface EventsPort {
  emit(event: string, payload?: unknown): Promise<void>;
  on(event: string, callback: (payload?: unknown) => unknown): Promise<EventSubscription>;
}

/** Every event this app sends starts with this, so it cannot meet another app's public event by name. */
export const EVENT_PREFIX = 'inforandeoversikt:';

/** The payload format; a receiver ignores a payload of another version (a page half-way through a deploy). */
export const PAYLOAD_VERSION = 1;

/** An id for this iframe's messages: random, not secret, only to recognise one's own event. */
export function newSenderId(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Subscribes, and returns a function that ends the subscription even if it is not set up yet. */
export function listen(events: EventsPort, event: string, callback: (payload: unknown) => void): () => void {
  let ended = false;
  let subscription: EventSubscription | null = null;
  Promise.resolve()
    .then(() => events.on(event, callback))
    .then(
    (s) => {
      if (ended) s.unsubscribe();
      else subscription = s;
    },
    () => {
      // No events here (an older host, a test page): the macro works alone, it just hears no one.
    },
  );
  return () => {
    ended = true;
    subscription?.unsubscribe();
    subscription = null;
  };
}

/** Sends an event; a refusal or a host without events changes nothing for this macro. */
export function send(events: EventsPort, event: string, payload: unknown): Promise<void> {
  return Promise.resolve()
    .then(() => events.emit(event, payload))
    .catch(() => undefined);
}
