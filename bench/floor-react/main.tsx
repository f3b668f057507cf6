/**
 * The bench's React floor: bench/floor (the least any Custom UI macro does before it can show this data)
 * with React drawing the table instead of innerHTML. The architecture settles on React for the Custom UI
 * (decision 0001), so this page is the least a macro of this app can do: the same bridge calls, the same
 * table, no styles, no interactivity, no app code. Its gap to the floor is React's own cost (download,
 * evaluation, first render); the app's gap to it is what the app's code adds.
 */
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { invoke, view } from '../../static/app/src/bridge';
import type { RolloutStatusView, ViewResponse } from '../../src/shared/contract';
import { unpackResponse } from '../../src/shared/view-wire';
import { ROLLOUT_STATUS_LABELS } from '../../src/shared/vocabulary';

type ReadyProgramme = Extract<ViewResponse, { state: 'ready' }>['programme'];

function Table({ programme, matrix }: { programme: ReadyProgramme; matrix: RolloutStatusView }) {
  return (
    <table>
      <caption>{programme.name}</caption>
      <thead>
        <tr>
          <th scope="col">Införande</th>
          {programme.participants.map((p) => (
            <th key={p.code} scope="col">
              {p.short}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {matrix.rows.map((row) => (
          <tr key={row.initiative.id}>
            <th scope="row">{row.initiative.name}</th>
            {row.cells.map((c, i) => (
              <td key={i}>{ROLLOUT_STATUS_LABELS[c.status].sv}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

async function start(): Promise<void> {
  const [, raw] = await Promise.all([view.getContext(), invoke<unknown>('getView', { locale: 'sv' })]);
  const response: ViewResponse = unpackResponse('getView', (raw as { data: never }).data);
  if (response.state !== 'ready') throw new Error('The floor page needs a programme');
  const root = createRoot(document.getElementById('root')!);
  const { programme } = response;
  // Rendered synchronously, so the ready event follows the DOM written, as in bench/floor.
  flushSync(() =>
    root.render(response.view.macro === 'rollout-status' ? <Table programme={programme} matrix={response.view} /> : <p>{`${programme.name}: ${response.view.macro}`}</p>),
  );
  await view.emitReadyEvent();
}

void start();
