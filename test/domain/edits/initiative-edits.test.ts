import {
  applyInitiativePatch,
  createInitiative,
  createProgramme,
  ORDER_GAP,
  setArchived,
} from '../../../src/domain/edits';
import type { InitiativeFields } from '../../../src/shared/model';
import { SWEDISH_REGIONS } from '../../../src/shared/regions';
import { DEFAULT_MILESTONES } from '../../../src/shared/vocabulary';
import { initiative, programme } from '../fixtures';
import { appErrorOf } from '../../helpers/app-error';
import { editContext } from './edit-fixtures';

const fields: InitiativeFields = {
  name: 'Digitalt vårdmöte',
  kind: 'service',
  summary: '',
  infoLink: 'https://www.inera.se/tjanster/vardmote',
  contact: '',
  rolloutType: 'both',
  phase: null,
  nationalPilotStart: '2026-03',
  nationalPilotEnd: null,
  nationalBroadStart: null,
  nationalBroadEnd: null,
};

describe('createProgramme', () => {
  it('starts with the 21 regions and the rollout model milestones in Swedish', () => {
    const { next, history } = createProgramme(
      { name: 'FLDV', description: '', stalenessDays: 90, published: false },
      'INF',
      editContext(),
    );
    expect(next).toMatchObject({ spaceKey: 'INF', name: 'FLDV', version: 1, isExample: false, createdBy: 'acc-editor' });
    expect(next.participants.map((p) => p.code)).toEqual(SWEDISH_REGIONS.map((r) => r.code));
    expect(next.participants).toHaveLength(21);
    expect(next.milestoneTemplate[0]).toEqual({ id: 'rollout-type', phase: 'initiering', title: 'Införandetyp bedömd' });
    expect(next.milestoneTemplate).toHaveLength(DEFAULT_MILESTONES.length);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ programmeId: next.id, target: 'programme', action: 'create', initiativeId: null });
  });
});

describe('createInitiative', () => {
  it('goes last and copies the programme milestone template, none done', () => {
    const prog = programme({ milestoneTemplate: [{ id: 'plan', phase: 'planering', title: 'Införandeplan framtagen' }] });
    const existing = [initiative({ id: 'a', order: 5 }), initiative({ id: 'b', order: 2048 })];
    const { next, history } = createInitiative(prog, existing, fields, editContext());

    expect(next.order).toBe(2048 + ORDER_GAP);
    expect(next.milestones).toEqual([{ id: 'plan', phase: 'planering', title: 'Införandeplan framtagen', done: false, dueMonth: null, doneOn: null }]);
    expect(next).toMatchObject({ ...fields, programmeId: 'prog-1', archived: false, cells: {}, needs: [], version: 1 });
    expect(history[0]).toMatchObject({ initiativeId: next.id, target: 'initiative', action: 'create' });
    expect(history[0]!.changes.map((c) => c.field)).toEqual(['name', 'kind', 'infoLink', 'rolloutType', 'nationalPilotStart']);
  });

  it('starts at order 0 in an empty programme', () => {
    expect(createInitiative(programme(), [], fields, editContext()).next.order).toBe(0);
  });
});

describe('applyInitiativePatch', () => {
  it('applies details with the same field-level conflict rule as cells', async () => {
    const stored = initiative({ name: 'Nytt namn', summary: 'a' });
    const landed = applyInitiativePatch(stored, { summary: 'b' }, { summary: 'a' }, editContext());
    expect(landed.next).toMatchObject({ name: 'Nytt namn', summary: 'b', updatedAt: '2026-11-22T12:00:00.000Z' });
    expect(landed.history[0]!.changes).toEqual([{ field: 'summary', old: 'a', new: 'b' }]);

    const error = await appErrorOf(() => applyInitiativePatch(stored, { name: 'Mitt namn' }, { name: 'Gammalt namn' }, editContext()));
    expect(error).toMatchObject({ code: 'CONFLICT', conflictingFields: ['name'], current: { name: 'Nytt namn' } });
  });

  it('writes nothing when nothing changes', () => {
    const stored = initiative();
    const result = applyInitiativePatch(stored, { name: stored.name }, { name: stored.name }, editContext());
    expect(result).toEqual({ next: stored, history: [] });
  });
});

describe('setArchived', () => {
  it('archives and restores with history, and is a no-op when already in that state', () => {
    const archived = setArchived(initiative(), true, editContext());
    expect(archived.next.archived).toBe(true);
    expect(archived.history[0]).toMatchObject({ action: 'archive', changes: [{ field: 'archived', old: false, new: true }] });
    expect(setArchived(archived.next, false, editContext()).history[0]).toMatchObject({ action: 'restore' });
    expect(setArchived(archived.next, true, editContext()).history).toEqual([]);
  });
});
