/**
 * Which programme a macro shows: the configured one, else the oldest programme of the page's space. One
 * rule for the resolvers and the export, so a page never shows one programme and prints another. The
 * storage is passed in: the export reaches storage only through its injected dependencies.
 */
/** The form of the ids the app generates; anything else in a macro config cannot name a programme. */
const PROGRAMME_ID = /^[A-Za-z0-9_-]{1,64}$/;

export interface ProgrammeReaders<S> {
  readProgrammeSnapshot(installation: string, programmeId: string): Promise<S | null>;
  readDefaultProgrammeSnapshot(installation: string, spaceKey: string): Promise<S | null>;
}

/** The programme, or null when there is none (yet). Not checked for read access: the caller does that. */
export function readChosenProgramme<S>(
  readers: ProgrammeReaders<S>,
  installation: string,
  where: { programmeId?: string | null; spaceKey: string | null | undefined },
): Promise<S | null> {
  if (where.programmeId) return PROGRAMME_ID.test(where.programmeId) ? readers.readProgrammeSnapshot(installation, where.programmeId) : Promise.resolve(null);
  return where.spaceKey ? readers.readDefaultProgrammeSnapshot(installation, where.spaceKey) : Promise.resolve(null);
}
