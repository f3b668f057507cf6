/** The installation-wide revision token: one small key, read first on every view. */
import { kvs } from '@forge/kvs';
import { REVISION_KEY } from './schema';
import { withKvsRetry } from './kvs-retry';

/** Before the first write there is no token; this stands for "nothing written yet". */
export const INITIAL_REVISION = 'initial';

export async function readRevision(): Promise<string> {
  return (await withKvsRetry('Reading the revision', () => kvs.get<string>(REVISION_KEY))) ?? INITIAL_REVISION;
}
