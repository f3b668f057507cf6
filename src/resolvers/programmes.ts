/** listProgrammes (for the macro config dialog) and createProgramme. */
import { z } from 'zod';
import { createProgramme as newProgramme } from '../domain/edits';
import type { ProgrammeListItem } from '../shared/contract';
import type { Programme } from '../shared/model';
import { createProgrammeSchema } from '../shared/schemas';
import { createProgramme, listProgrammesInSpace, listPublishedProgrammes } from '../storage';
import { authoriseWriteOnPage, requireMacro } from './access';
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

/** A new programme always belongs to the space of the page it is created from. */
export const createProgrammeResolver = defineResolver('createProgramme', {
  authorise: authoriseWriteOnPage,
  payload: createProgrammeSchema,
  async run(input, { spaceKey, editor }) {
    const { next, history } = newProgramme(input, spaceKey, editor);
    await createProgramme(next, history[0]!);
    return toListItem(next);
  },
});
