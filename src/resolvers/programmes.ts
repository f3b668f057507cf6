/** listProgrammes (for the macro config dialog) and createProgramme. */
import { z } from 'zod';
import { createProgramme as newProgramme } from '../domain/edits';
import type { ProgrammeListItem } from '../shared/contract';
import type { Programme } from '../shared/model';
import { createProgrammeSchema } from '../shared/schemas';
import { createProgramme, listProgrammesInSpace, listPublishedProgrammes } from '../storage';
import { authoriseWriteOnPage, requireMacro } from './access';
import { authoriseAdminister } from './admin';
import type { CallContext } from './call-context';
import { defineResolver } from './define';

function toListItem(programme: Programme): ProgrammeListItem {
  return {
    id: programme.id,
    name: programme.name,
    spaceKey: programme.spaceKey,
    published: programme.published,
    isExample: programme.isExample,
  };
}

/** The programmes a macro on this page may show: this space's own, then published ones from elsewhere. */
export const listProgrammes = defineResolver('listProgrammes', {
  authorise: async (call) => requireMacro(call),
  payload: z.strictObject({}),
  async run(_input, { spaceKey }) {
    const [own, published] = await Promise.all([listProgrammesInSpace(spaceKey), listPublishedProgrammes()]);
    const elsewhere = published.filter((p) => p.spaceKey !== spaceKey);
    return [...own, ...elsewhere].map(toListItem);
  },
});

/**
 * Who may create: from a macro, whoever may edit its page (the empty-page form); from the space page, which
 * has a space and no page, the space's administrators (its create section, decision 0027). Either way the
 * programme belongs to the context's space and the storage refuses a space that already has one.
 */
function authoriseCreate(call: CallContext) {
  return call.pageId === null && call.spaceKey !== null ? authoriseAdminister(call) : authoriseWriteOnPage(call);
}

/** A new programme always belongs to the space of the page (or space page) it is created from. */
export const createProgrammeResolver = defineResolver('createProgramme', {
  authorise: authoriseCreate,
  payload: createProgrammeSchema,
  async run(input, { spaceKey, editor }) {
    const { next, history } = newProgramme(input, spaceKey, editor);
    await createProgramme(next, history[0]!);
    return toListItem(next);
  },
});
