/**
 * The page-events modules bound to Forge: one region-choice store and one data-changed channel per iframe
 * (one macro), on @forge/bridge `events` from ../bridge and the device's guarded localStorage, and the
 * React hooks the views use. docs/decisions/0019.
 *
 *   const [region, setRegion] = useRegionChoice();          // 'NN' | null; setRegion('NN') or (null)
 *   useDataChanged(({ revision, programmeId }) => refetch()); // another macro saved
 *   await announceDataChanged({ revision, programmeId });     // after this macro saved
 *
 * Kept apart from region-choice.ts and data-changed.ts because the bridge's deep imports resolve only in
 * Vite and the app's tsconfig (as use-details.ts is apart from details-store.ts).
 */
import { useEffect, useRef, useSyncExternalStore } from 'react';
import { events } from '../bridge';
import { DataChangedChannel, type DataChange } from './data-changed';
import type { EventsPort } from './event-port';
import { RegionChoiceStore, deviceStorage } from './region-choice';

export type { DataChange } from './data-changed';

const forgeEvents: EventsPort = {
  emit: (event, payload) => events.emit(event, payload),
  on: (event, callback) => events.on(event, callback),
};

let regionStore: RegionChoiceStore | undefined;
let channel: DataChangedChannel | undefined;

/** This iframe's region-choice store, listening to the other macros from its first use. */
export function regionChoiceStore(): RegionChoiceStore {
  if (!regionStore) {
    regionStore = new RegionChoiceStore({ storage: deviceStorage(), events: forgeEvents });
    regionStore.connect();
  }
  return regionStore;
}

/** This iframe's data-changed channel. */
export function dataChangedChannel(): DataChangedChannel {
  if (!channel) {
    channel = new DataChangedChannel({ events: forgeEvents });
    channel.connect();
  }
  return channel;
}

/** After a save succeeded: tells the app's other macros on the page to read their view again. */
export function announceDataChanged(change: DataChange): Promise<void> {
  return dataChangedChannel().announce(change);
}

/** The reader's region, shared by every app macro on the page and remembered on the device. */
export function useRegionChoice(): [string | null, (code: string | null) => void] {
  const store = regionChoiceStore();
  const code = useSyncExternalStore(store.subscribe, store.get, store.get);
  return [code, store.set];
}

/**
 * Calls `onChange` when another macro on the page has saved (once per revision). The latest `onChange`
 * is called, so it need not be memoised; the subscription lasts as long as the component.
 */
export function useDataChanged(onChange: (change: DataChange) => void): void {
  const latest = useRef(onChange);
  useEffect(() => {
    latest.current = onChange;
  });
  useEffect(() => dataChangedChannel().subscribe((change) => latest.current(change)), []);
}

/** For tests: forget the bound instances (the next use makes new ones). */
export function resetPageEventsForTests(): void {
  regionStore?.dispose();
  channel?.dispose();
  regionStore = undefined;
  channel = undefined;
}
