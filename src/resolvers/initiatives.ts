/** upsertInitiative, setInitiativeArchived and reorderInitiatives. */
import { applyInitiativePatch, createInitiative, reorderInitiatives as reorder, setArchived } from '../domain/edits';
import { toInitiativeHeader } from '../domain/initiative-header';
import type { InitiativeHeader } from '../shared/contract';
import type { Initiative, Programme } from '../shared/model';
import { reorderInitiativesSchema, setInitiativeArchivedSchema, upsertInitiativeSchema } from '../shared/schemas';
import { insertInitiative, updateInitiativeWith, updateProgrammeInitiativesWith } from '../storage';
import { authoriseWrite } from './access';
import { defineResolver } from './define';

/** Editors are signed in, so they get the editor names. */
function header(programme: Programme, initiative: Initiative): InitiativeHeader {
  return toInitiativeHeader(initiative, programme.stalenessDays, new Date(), 'signed-in');
}

export const upsertInitiative = defineResolver('upsertInitiative', {
  authorise: authoriseWrite,
  payload: upsertInitiativeSchema,
  async run(input, { snapshot, editor }) {
    const { programme } = snapshot;
    if ('fields' in input) {
      const { next, history } = createInitiative(programme, snapshot.initiatives, input.fields, editor);
      const revision = await insertInitiative(next, history);
      return { initiative: header(programme, next), revision };
    }
    const { initiative, revision } = await updateInitiativeWith(
      input.id,
      (current) => applyInitiativePatch(current, input.patch, input.expected, editor),
      { programmeId: programme.id },
    );
    return { initiative: header(programme, initiative), revision };
  },
});

export const setInitiativeArchived = defineResolver('setInitiativeArchived', {
  authorise: authoriseWrite,
  payload: setInitiativeArchivedSchema,
  async run(input, { snapshot, editor }) {
    const { initiative, revision } = await updateInitiativeWith(
      input.id,
      (current) => setArchived(current, input.archived, editor),
      { programmeId: snapshot.programme.id },
    );
    return { initiative: header(snapshot.programme, initiative), revision };
  },
});

/**
 * The new order is written in one transaction. Usually only the moved initiatives are rewritten (see
 * domain/edits/reorder.ts); a reorder that would rewrite more than 23 records at once is refused with LIMIT
 * ("move fewer at a time") rather than split, because a half-applied order would be visible to readers.
 */
export const reorderInitiatives = defineResolver('reorderInitiatives', {
  authorise: authoriseWrite,
  payload: reorderInitiativesSchema,
  async run(input, { snapshot, editor }) {
    const { revision } = await updateProgrammeInitiativesWith(snapshot.programme.id, (all) => reorder(all, input.ids, editor));
    return { revision };
  },
});
