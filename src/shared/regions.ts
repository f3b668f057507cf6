import regionsFile from './regions.json';
import type { Participant } from './model';

/** Sweden's 21 regions, the default participant list of a new programme. The county code is the stable key. */
export const SWEDISH_REGIONS: ReadonlyArray<Participant> = regionsFile.regions.map((r) => ({
  code: r.code,
  iso: r.iso,
  name: r.name,
  short: r.short,
}));
