/**
 * The bench's floor: the least any Custom UI macro does before it can show this data on Forge. It loads
 * through the same bridge as the app, asks for its context and its data (at once), and writes the same
 * table as the static baseline with innerHTML: no framework, no styles, no interactivity. The gap between
 * the static table and this page is what Forge's model costs (an iframe, a script, two bridge round trips
 * and an invoke); the gap between this page and the app is what the app's own code costs.
 */
import { invoke, view } from '../../static/app/src/bridge';
import type { RolloutStatusView, ViewResponse } from '../../src/shared/contract';
import { unpackResponse } from '../../src/shared/view-wire';
import { ROLLOUT_STATUS_LABELS } from '../../src/shared/vocabulary';

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

async function start(): Promise<void> {
  const [, raw] = await Promise.all([view.getContext(), invoke<unknown>('getView', { locale: 'sv' })]);
  const response: ViewResponse = unpackResponse('getView', (raw as { data: never }).data);
  if (response.state !== 'ready') throw new Error('The floor page needs a programme');
  const { programme } = response;
  const root = document.getElementById('root')!;
  if (response.view.macro !== 'rollout-status') {
    // The other three macros on a four-macro page: the same fetch and decoding, and a line of text.
    root.textContent = `${programme.name}: ${response.view.macro}`;
    await view.emitReadyEvent();
    return;
  }
  const matrix: RolloutStatusView = response.view;
  const head = programme.participants.map((p) => `<th scope="col">${esc(p.short)}</th>`).join('');
  const rows = matrix.rows
    .map((row) => `<tr><th scope="row">${esc(row.initiative.name)}</th>${row.cells.map((c) => `<td>${esc(ROLLOUT_STATUS_LABELS[c.status].sv)}</td>`).join('')}</tr>`)
    .join('');
  // eslint-disable-next-line no-restricted-syntax -- the bench's framework-free floor; every value passes esc()
  root.innerHTML = `<table><caption>${esc(programme.name)}</caption><thead><tr><th scope="col">Införande</th>${head}</tr></thead><tbody>${rows}</tbody></table>`;
  await view.emitReadyEvent();
}

void start();
