/** What a view says about records it had to leave out (storage/unreadable.ts logs which ones). */
import type { ViewNotice } from '../shared/contract';

export function unreadableNotices(records: ReadonlyArray<{ entity: string }>): ViewNotice[] {
  const notices: ViewNotice[] = [];
  for (const entity of ['initiative', 'progress'] as const) {
    const count = records.filter((r) => r.entity === entity).length;
    if (count > 0) notices.push({ code: 'unreadable-records', entity, count });
  }
  return notices;
}
