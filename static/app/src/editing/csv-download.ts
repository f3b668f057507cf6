/** The browser half of a CSV export (editing/csv-file.ts is the pure half, also run by jest). */
import { tableToCsv } from './csv-file';

/** Saves the CSV through a Blob link (Forge's Custom UI iframe allows downloads). */
export function downloadCsv(table: ReadonlyArray<ReadonlyArray<string>>, fileName: string): void {
  downloadText(tableToCsv(table), fileName, 'text/csv;charset=utf-8');
}

/** Saves a text the browser assembled (a CSV, a backup) as a file through a Blob link. */
export function downloadText(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoking at once can cancel the download in some browsers; a minute is plenty.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
