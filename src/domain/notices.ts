/** What a view says about records it had to leave out (storage/unreadable.ts logs which ones). */
import type { ViewNotice } from '../shared/contract';

/** How many keys a notice names: enough to find a damaged record or two, bounded for a page full of them. */
const NAMED_KEYS = 5;

export function unreadableNotices(records: ReadonlyArray<{ entity: string; key: string }>): ViewNotice[] {
  const notices: ViewNotice[] = [];
  for (const entity of ['initiative', 'progress'] as const) {
    const keys = records.filter((r) => r.entity === entity).map((r) => r.key);
    if (keys.length > 0) notices.push({ code: 'unreadable-records', entity, count: keys.length, keys: keys.slice(0, NAMED_KEYS) });
  }
  return notices;
}
