/**
 * Read/write unit metering for the benchmarks, following Forge's billing
 * rule: sizes are rounded up to the next 10 KB, anything up to 10 KB is one
 * unit ("Requests that are 10KB or smaller are counted as 1 request").
 *
 * Rules applied by the service (see the report for the reasoning):
 * - item size = UTF-8 bytes of the key + UTF-8 bytes of the JSON value;
 * - get: units of the item read; a miss still costs 1 read unit;
 * - set: units of the item written; delete: 1 write unit;
 * - query: sum of the units of each item returned, minimum 1 per request;
 * - batch: per item that succeeded, minimum 1 per request;
 * - transaction: sum over set/delete (write) and check (read) operations,
 *   minimum 1 write unit per committed transaction;
 * - rejected requests (4xx) cost no units but still count as a request.
 */
import { UNIT_BYTES } from './limits';
import type { KvsUnits } from './types';

/** Units for one item of `bytes` size: ceil(bytes / 10 KB), at least 1. */
export function unitsFor(bytes: number): number {
  return Math.max(1, Math.ceil(bytes / UNIT_BYTES));
}

/** Size of a stored item for billing purposes. */
export function itemBytes(key: string, value: unknown): number {
  return Buffer.byteLength(key, 'utf8') + Buffer.byteLength(JSON.stringify(value) ?? '', 'utf8');
}

export class UnitMeter {
  private readUnits = 0;
  private writeUnits = 0;
  private requests = 0;
  private readRequestUnits = 0;

  addReadRequest(units: number): void {
    this.readRequestUnits += units;
  }

  countRequest(): void {
    this.requests += 1;
  }

  addRead(units: number): void {
    this.readUnits += units;
  }

  addWrite(units: number): void {
    this.writeUnits += units;
  }

  snapshot(): KvsUnits {
    return { readUnits: this.readUnits, writeUnits: this.writeUnits, requests: this.requests, readRequestUnits: this.readRequestUnits };
  }

  reset(): void {
    this.readUnits = 0;
    this.writeUnits = 0;
    this.requests = 0;
    this.readRequestUnits = 0;
  }
}
