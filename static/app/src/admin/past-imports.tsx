import { useEffect, useId, useState } from 'react';
import type { ImportListItem } from '@shared/contract';
import type { AppError } from '@shared/errors';
import type { ImportRefusedCell } from '@shared/import-csv';
import { invoke } from '../api';
import { Button } from '../components/button';
import { ErrorMessage } from '../components/error-message';
import { useAnnounce } from '../components/live-region';
import { formatDateTime } from '../i18n/format';
import { useI18n, useMessages } from '../i18n';
import { importMessages } from './import-messages';

type Undo = (importId: string) => Promise<{ totals: { restored: number; refused: ImportRefusedCell[]; archived: number; kept: string[] }; error: AppError | null }>;

/**
 * The programme's past imports (decision 0028), newest first, a page at a time from the import records: who,
 * when, which file, how many cells (and new initiatives), undone or not, and undo per import. `version`
 * changes after an import or undo on this page, so the list reads its first page again.
 */
export function PastImports({
  programmeId,
  version,
  undo,
  busy,
  onUndone,
}: {
  programmeId: string;
  version: number;
  undo: Undo;
  busy: boolean;
  /** The import just undone from the list: the section above no longer offers its own undo of it. */
  onUndone(importId: string): void;
}) {
  const { locale } = useI18n();
  const m = useMessages(importMessages);
  const announce = useAnnounce();
  const headingId = useId();
  // The cursors of the pages before the one shown (storage pages forward only), and the shown page's own.
  const [cursors, setCursors] = useState<Array<string | undefined>>([undefined]);
  const [page, setPage] = useState<{ imports: ImportListItem[]; cursor: string | null } | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [undoing, setUndoing] = useState<string | null>(null);
  const [reload, setReload] = useState(0);
  // A new import or undo on this page: back to the first page (state adjusted while rendering, not in an effect).
  const [seenVersion, setSeenVersion] = useState(version);
  if (seenVersion !== version) {
    setSeenVersion(version);
    setCursors([undefined]);
  }
  const at = cursors[cursors.length - 1];
  useEffect(() => {
    let live = true;
    void invoke('listImports', at ? { programmeId, cursor: at } : { programmeId }).then((result) => {
      if (!live) return;
      if (result.ok) setPage(result.data);
      else setError(result.error);
    });
    return () => {
      live = false;
    };
  }, [programmeId, at, version, reload]);

  const undoOne = async (item: ImportListItem) => {
    setUndoing(item.importId);
    setError(null);
    const outcome = await undo(item.importId);
    setUndoing(null);
    onUndone(item.importId);
    if (outcome.error) setError(outcome.error);
    else announce(m('undone', { count: outcome.totals.restored }));
    setReload((n) => n + 1);
  };

  const when = (iso: string) => formatDateTime(iso, locale);
  return (
    <section aria-labelledby={headingId}>
      <h4 id={headingId}>{m('pastHeading')}</h4>
      {page && page.imports.length === 0 && cursors.length === 1 ? <p>{m('pastEmpty')}</p> : null}
      {page && page.imports.length > 0 ? (
        <div className="io-table-scroll">
          <table className="io-table">
            <caption>{m('pastCaption', { page: cursors.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{m('colWhen')}</th>
                <th scope="col">{m('colWho')}</th>
                <th scope="col">{m('colFile')}</th>
                <th scope="col">{m('colCells')}</th>
                <th scope="col">{m('colState')}</th>
              </tr>
            </thead>
            <tbody>
              {page.imports.map((item) => (
                <tr key={item.importId}>
                  <th scope="row">{when(item.at)}</th>
                  <td>{item.byName ?? m('pastUnknown')}</td>
                  <td>{item.fileName}</td>
                  <td>{m('pastCells', { cells: item.cells, created: item.created })}</td>
                  <td>
                    {item.undoneAt ? (
                      m('pastUndone', { when: when(item.undoneAt) })
                    ) : (
                      <>
                        {m('pastActive')}{' '}
                        <Button
                          aria-label={m('pastUndo', { file: item.fileName, when: when(item.at) })}
                          disabled={busy || undoing !== null}
                          onClick={() => void undoOne(item)}
                        >
                          {m('pastUndoShort')}
                        </Button>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {undoing ? <p role="status">{m('undoing')}</p> : null}
      {cursors.length > 1 || page?.cursor ? (
        <div className="io-button-row io-button-row--start">
          <Button disabled={cursors.length <= 1} onClick={() => setCursors((c) => c.slice(0, -1))}>
            {m('newer')}
          </Button>
          <Button disabled={!page?.cursor} onClick={() => page?.cursor && setCursors((c) => [...c, page.cursor!])}>
            {m('older')}
          </Button>
        </div>
      ) : null}
      {error ? <ErrorMessage error={error} /> : null}
    </section>
  );
}
