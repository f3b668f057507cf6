/**
 * "Ladda ner alla celler (för import)" (decision 0031): the programme's cells as the cell lines file the
 * import reads back. Admins only, like the import, so it reads through getBackupPart, the space page's paged
 * read of a programme (pages of at most 3 MB, under Forge's 5 MB): the initiatives, then the details (notes
 * and links), and it stops at the first page of history, which the file does not need. Pure: the page fetch
 * is passed in (the jest tests drive it through the harness).
 */
import type { BackupDetail, BackupPage } from '@shared/backup-format';
import { cellLinesTable, programmeCellLines } from '@shared/cell-lines-csv';
import type { AppError, Result } from '@shared/errors';
import type { Initiative, Programme } from '@shared/model';
import type { Locale } from '@shared/vocabulary';

/** A server that keeps answering with cursors is a bug, not a big programme: stop rather than loop. */
const MAX_PAGES = 1000;

export async function cellLinesExport(
  fetchPage: (cursor: string | undefined) => Promise<Result<BackupPage>>,
  locale: Locale,
  onPage: (pages: number) => void = () => undefined,
): Promise<{ ok: true; table: string[][]; programme: Programme } | { ok: false; error: AppError }> {
  let programme: Programme | null = null;
  const initiatives: Initiative[] = [];
  const details = new Map<string, BackupDetail['details']>();
  let cursor: string | undefined;
  for (let pages = 1; pages <= MAX_PAGES; pages++) {
    const res = await fetchPage(cursor);
    if (!res.ok) return res;
    programme ??= res.data.programme;
    let history = false;
    for (const { part } of res.data.parts) {
      if (part.kind === 'initiatives') initiatives.push(...part.initiatives);
      else if (part.kind === 'details') for (const d of part.details) details.set(`${d.initiativeId}|${d.code}`, d.details);
      else history = true;
    }
    onPage(pages);
    if (history || res.data.cursor === null) {
      if (!programme) break;
      const lines = programmeCellLines(programme, initiatives, (id, code) => details.get(`${id}|${code}`)?.cell);
      return { ok: true, table: cellLinesTable(lines, locale), programme };
    }
    cursor = res.data.cursor;
  }
  return { ok: false, error: { code: 'INTERNAL', message: 'getBackupPart did not come to an end' } };
}
