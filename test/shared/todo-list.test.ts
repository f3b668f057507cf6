import { buildView } from '../../src/domain/build-view';
import type { TechnicalNeedsView } from '../../src/shared/contract';
import { parseMacroConfig } from '../../src/shared/schemas';
import { buildTodoList, requiredDone } from '../../src/shared/todo-list';
import { packView, unpackView } from '../../src/shared/view-wire';
import { NOW, cell, initiative, need, programme } from '../domain/fixtures';

const done = { progress: 'done' as const, hasNote: false, updatedAt: null };
const na = { progress: 'not-applicable' as const, hasNote: true, updatedAt: null };

function needsView(initiatives: Parameters<typeof buildView>[0]['initiatives']): TechnicalNeedsView {
  const view = buildView({ macro: 'technical-needs', programme: programme(), initiatives, config: parseMacroConfig({}), now: NOW, audience: 'public' });
  if (view.macro !== 'technical-needs') throw new Error('expected the technical-needs view');
  return view;
}

describe("a participant's to-do list", () => {
  const view = needsView([
    // No plan of its own in 01: due by the national pilot window.
    initiative({
      id: 'late',
      order: 1,
      nationalPilotStart: '2027-06',
      needs: [
        need({ id: 'late-req', required: true }),
        need({ id: 'late-opt', required: false }),
        need({ id: 'late-done', required: true, progress: { '01': done } }),
      ],
    }),
    initiative({
      id: 'soon',
      order: 2,
      nationalPilotStart: '2027-09',
      cells: { '01': cell({ pilotStart: '2027-02' }) },
      needs: [need({ id: 'soon-req', required: true }), need({ id: 'soon-na', required: true, progress: { '01': na } })],
    }),
    initiative({ id: 'unplanned', order: 3, nationalPilotStart: null, needs: [need({ id: 'never', required: true })] }),
  ]);

  it('puts open required items first, soonest pilot first, then optional, then done or not applicable', () => {
    const list = buildTodoList(view, '01');
    expect(list.map((i) => i.need.id)).toEqual(['soon-req', 'late-req', 'never', 'late-opt', 'soon-na', 'late-done']);
    expect(list[0]).toMatchObject({ dueBy: '2027-02', dueFrom: 'participant', open: true });
    expect(list[1]).toMatchObject({ dueBy: '2027-06', dueFrom: 'national' });
    expect(list[2]).toMatchObject({ dueBy: null, dueFrom: null });
  });

  it('counts required items that apply: "1 av 4 obligatoriska klara"', () => {
    expect(requiredDone(buildTodoList(view, '01'))).toEqual({ done: 1, total: 4 });
    // Another region has done nothing, and every required need applies to it.
    expect(requiredDone(buildTodoList(view, '03'))).toEqual({ done: 0, total: 5 });
  });

  it("carries the participant's status and the matrix's consistency warnings for each initiative", () => {
    const active = needsView([
      initiative({ id: 'x', order: 1, cells: { '03': cell({ status: 'pilot', contactEstablished: true }) }, needs: [need({ id: 'open', title: 'SITHS', required: true })] }),
    ]);
    const [item] = buildTodoList(active, '03');
    expect(item.plan.status).toBe('pilot');
    expect(item.plan.warnings).toEqual([{ code: 'required-need-open', params: { count: 1, needs: 'SITHS' } }]);
    expect(buildTodoList(active, '01')[0].plan.warnings).toEqual([]);
  });

  it('is empty for a code outside the programme', () => {
    expect(buildTodoList(view, 'nowhere')).toEqual([]);
  });

  it('reads the same after the view went over the wire, also when the first initiative has no needs', () => {
    const sparse = needsView([initiative({ id: 'empty', order: 1 }), initiative({ id: 'b', order: 2, needs: [need({ id: 'x', progress: { '04': done } })] })]);
    const wire = unpackView(JSON.parse(JSON.stringify(packView(sparse))));
    expect(wire).toEqual(sparse);
    expect(buildTodoList(wire as TechnicalNeedsView, '04')[0]?.progress.progress).toBe('done');
  });
});
