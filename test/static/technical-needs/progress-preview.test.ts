/**
 * The progress forms' preview against the real thing: the domain builds the technical-needs view before
 * and after the change, and what the form previews is exactly what the change adds to the participant's
 * warnings in that view.
 */
import type { ConsistencyWarning, TechnicalNeedsView } from '../../../src/shared/contract';
import type { Initiative } from '../../../src/shared/model';
import type { NeedProgress } from '../../../src/shared/vocabulary';
import { buildView } from '../../../src/domain/build-view';
import { describeWarning } from '../../../static/app/src/i18n/warning-messages';
import { createdWarnings, previewTime } from '../../../static/app/src/editing/warning-preview';
import { bulkProgressWarnings, progressWarnings } from '../../../static/app/src/views/technical-needs/progress-preview';
import { cell, config, initiative, need, NOW, programme } from '../../domain/fixtures';

const prog = programme({
  participants: [
    { code: '12', name: 'Region Skåne', short: 'Skåne' },
    { code: '01', name: 'Region Stockholm', short: 'Stockholm' },
    { code: '03', name: 'Region Uppsala', short: 'Uppsala' },
  ],
});
const done = { progress: 'done' as const, updatedAt: null, hasNote: false };

// Skåne pilots 2027-01 (soon, from 2026-11) and has done HSA; Stockholm is in pilot; Uppsala pilots in 2028.
const base = initiative({
  cells: {
    '12': cell({ status: 'planning', pilotStart: '2027-01', contactEstablished: true }),
    '01': cell({ status: 'pilot', pilotStart: '2026-06', contactEstablished: true }),
    '03': cell({ status: 'planning', pilotStart: '2028-03', contactEstablished: true }),
  },
  needs: [
    need({ id: 'hsa', title: 'HSA', progress: { '12': done, '01': done, '03': done } }),
    need({ id: 'siths', title: 'SITHS', progress: { '12': { ...done, progress: 'in-progress' }, '01': done } }),
    need({ id: 'sjunet', title: 'Sjunet', required: false }),
  ],
});

const view = (i: Initiative) => (buildView({ macro: 'technical-needs', programme: prog, initiatives: [i], config: config(), now: NOW, audience: 'signed-in' }) as TechnicalNeedsView).initiatives[0]!;
const withProgress = (i: Initiative, needId: string, code: string, progress: NeedProgress): Initiative => ({
  ...i,
  needs: i.needs.map((n) => (n.id === needId ? { ...n, progress: { ...n.progress, [code]: { ...done, progress } } } : n)),
});
const warningsOf = (entry: ReturnType<typeof view>, code: string): ConsistencyWarning[] => entry.plans.find((p) => p.regionCode === code)!.warnings;
/** What the change adds in the domain's own view: the truth the preview must match. */
const domainAdds = (needId: string, code: string, progress: NeedProgress) => createdWarnings(warningsOf(view(base), code), warningsOf(view(withProgress(base, needId, code, progress)), code));

describe('the progress form’s warning preview', () => {
  const time = previewTime(NOW);
  const entry = view(base);

  it('warns that reopening a required need leaves 2 open before a pilot within 3 months', () => {
    const preview = progressWarnings(entry, '12', 'hsa', 'not-started', time);
    expect(preview).toEqual(domainAdds('hsa', '12', 'not-started'));
    expect(preview).toEqual([{ code: 'pilot-soon-needs-open', params: { planned: '2027-01', count: 2, needs: 'HSA, SITHS' } }]);
    expect(describeWarning(preview[0]!, 'sv')).toBe('Piloten börjar januari 2027, men 2 obligatoriska tekniska behov är inte klara (HSA, SITHS). Följ upp dem i översikten Tekniska behov.');
  });

  it('warns for a participant already in pilot that a required need is open', () => {
    const preview = progressWarnings(entry, '01', 'siths', 'in-progress', time);
    expect(preview).toEqual(domainAdds('siths', '01', 'in-progress'));
    expect(preview.map((w) => w.code)).toEqual(['required-need-open']);
  });

  it('gives nothing when the change opens no warning: done, an optional need, a pilot far ahead, no change', () => {
    for (const [needId, code, progress] of [
      ['siths', '12', 'done'],
      ['siths', '12', 'not-applicable'],
      ['sjunet', '12', 'not-started'],
      ['hsa', '03', 'in-progress'],
      ['siths', '12', 'in-progress'],
    ] as Array<[string, string, NeedProgress]>) {
      expect(progressWarnings(entry, code, needId, progress, time)).toEqual([]);
      expect(domainAdds(needId, code, progress)).toEqual([]);
    }
  });

  it('agrees with the domain for every need, participant and progress', () => {
    let warned = 0;
    for (const n of base.needs)
      for (const p of prog.participants)
        for (const progress of ['not-started', 'in-progress', 'done', 'not-applicable'] as NeedProgress[]) {
          const preview = progressWarnings(entry, p.code, n.id, progress, time);
          expect(preview).toEqual(domainAdds(n.id, p.code, progress));
          if (preview.length > 0) warned += 1;
        }
    expect(warned).toBeGreaterThan(0);
  });

  it('lists per participant, in the order given, those a bulk change would warn', () => {
    expect(bulkProgressWarnings(entry, ['12', '01', '03'], 'hsa', 'in-progress', time)).toEqual([
      { regionCode: '12', warnings: domainAdds('hsa', '12', 'in-progress') },
      { regionCode: '01', warnings: domainAdds('hsa', '01', 'in-progress') },
    ]);
    expect(bulkProgressWarnings(entry, ['12', '01', '03'], 'hsa', 'done', time)).toEqual([]);
  });
});
