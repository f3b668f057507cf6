/** The only code that touches @forge/kvs. Everything the resolvers, the dev host and the benchmarks need. */
export { ENTITY, ENTITY_DECLARATIONS, INDEX, KVS_LIMITS, REVISION_KEY, type EntityDeclaration } from './schema';
export { readRevision, INITIAL_REVISION } from './revision';
export {
  createProgramme,
  findDefaultProgrammeForSpace,
  getProgramme,
  listProgrammesInSpace,
  listPublishedProgrammes,
} from './programmes';
export {
  getInitiative,
  addNeedProgress,
  initiativeRows,
  readNeedProgress,
  insertInitiative,
  listInitiatives,
  MAX_WRITE_ATTEMPTS,
  updateInitiativeWith,
  updateProgrammeInitiativesWith,
  type InitiativeMutation,
  type InitiativeWrite,
  type ProgrammeInitiativesMutation,
} from './initiatives';
export { getHistoryEntry, latestCellChange, queryHistory, recentNeedChange, redactHistoryWith, type HistoryQuery } from './history';
export {
  readDefaultProgrammeSnapshot,
  readInitiativesWithProgress,
  readProgrammeSnapshot,
  resetReadCache,
  type ProgrammeSnapshot,
  type WholeInitiatives,
} from './snapshot-cache';
export type { UnreadableRecord } from './unreadable';
export { seedProgramme } from './seed';
export { DETAILS_PAGE_BYTES, queryDetailsPage, readDetails, readDetailsByKey, type DetailsMap, type DetailsPageEntry } from './details';
export { detailKey } from './codec';
export { updateProgrammeWith, type ProgrammeMutation } from './programme-writes';
export {
  checkRestoreTarget,
  finishRestore,
  initiativesTakenElsewhere,
  readBackupDetails,
  readBackupHistory,
  readRestoreSession,
  readWholeInitiatives,
  restoreRows,
  writeRestorePart,
} from './backup';
