/** The read rule lives in the domain; re-exported here for code that imported it from the export. */
export { mayReadProgramme } from '../domain/read-access';
