/**
 * A programme of the 290 municipalities at L (issue 11, decision 0027): the benchmark's L plans moved onto
 * the real municipality codes, so every participant has its county as `group`. Shared by the browser test
 * of the grouped overviews and the jest test of their view sizes.
 */
import { buildDataset } from '../../bench/datasets';
import { DEMO_PROGRAMME_ID } from '../../dev/demo-data';
import type { InitiativeWithDetails, Programme } from '../../src/shared/model';
import { SWEDISH_MUNICIPALITIES } from '../../src/shared/municipalities';

/**
 * The dataset's programme (its participants '0100'…'0389' at L) with each participant replaced by a real
 * municipality, in order, in every place a participant code is a key or a value; `count` initiatives.
 */
export function municipalityProgramme(count: number, now = new Date()): { programme: Programme; initiatives: InitiativeWithDetails[] } {
  const L = buildDataset('L', 'INF', now);
  const codeMap = new Map(L.programme.participants.map((p, i) => [p.code, SWEDISH_MUNICIPALITIES[i]!.code]));
  // One pass over the JSON, so a synthetic code that is also a real one ('0114') is mapped once only.
  const moved = JSON.parse(
    JSON.stringify(L.initiatives.slice(0, count)).replace(/"(\d{4})"/g, (whole, code: string) => {
      const to = codeMap.get(code);
      return to ? `"${to}"` : whole;
    }),
  ) as InitiativeWithDetails[];
  return {
    programme: { ...L.programme, id: DEMO_PROGRAMME_ID, name: 'Kommunprogrammet', participants: SWEDISH_MUNICIPALITIES.map((p) => ({ ...p })) },
    initiatives: moved.map((i) => ({ ...i, programmeId: DEMO_PROGRAMME_ID })),
  };
}
