/**
 * The read rule: a programme's data is readable from pages in its own space, and from other spaces only
 * when it is published. An unknown page space can only see published programmes, so an unpublished
 * programme never leaves its space. Shared by the resolvers and the PDF/Word export.
 */
import type { Programme } from '../shared/model';

export function mayReadProgramme(programme: Pick<Programme, 'spaceKey' | 'published'>, pageSpaceKey: string | null): boolean {
  return programme.published || (pageSpaceKey !== null && programme.spaceKey === pageSpaceKey);
}
