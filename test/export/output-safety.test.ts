import { buildView, summariseProgramme } from '../../src/domain/build-view';
import type { DetailsLookup } from '../../src/export/document-parts';
import { viewToAdf } from '../../src/export/export-handler';
import { MACRO_KEYS } from '../../src/shared/vocabulary';
import { NOW, cell, config, initiative, need, programme } from '../domain/fixtures';
import { adfErrors, allNodes, allText, linkHrefs } from './adf-schema';

const SCRIPT = '<script>alert("x")</script>';
const FORMULA = '=HYPERLINK("http://evil.example","klicka")';
const IMG = '"><img src=x onerror=alert(1)>';

const prog = programme({
  name: `Program ${SCRIPT}`,
  participants: [{ code: '01', name: FORMULA, short: IMG }],
});
const hostile = initiative({
  name: SCRIPT,
  contact: FORMULA,
  infoLink: 'javascript:alert(1)',
  phase: 'planering',
  nationalPilotStart: '2026-05',
  cells: { '01': cell({ status: 'pilot', pilotStart: '2026-01', hasDetails: true }) },
  needs: [
    need({
      title: FORMULA,
      description: IMG,
      link: 'data:text/html;base64,PHNjcmlwdD4=',
      progress: { '01': { progress: 'in-progress', hasNote: true, updatedAt: NOW.toISOString() } },
    }),
  ],
  milestones: [{ id: 'm', phase: 'planering', title: SCRIPT, done: false, dueMonth: null, doneOn: null }],
});
/** The participant's details, hostile too: they reach the export through ExportOptions.details. */
const HOSTILE_DETAILS = {
  cell: { note: IMG, link: 'JAVASCRIPT:alert(document.cookie)', regionalContact: SCRIPT, nationalContact: FORMULA },
  needNotes: { 'need-1': SCRIPT },
};
const details: DetailsLookup = (initiativeId, regionCode) => (initiativeId === hostile.id && regionCode === '01' ? HOSTILE_DETAILS : undefined);

/** Every overview, and the rollout list perspectives that put contacts and links next to each status. */
const CASES = MACRO_KEYS.flatMap((macro) => [undefined, 'region' as const, 'initiative' as const].map((perspective) => ({ macro, perspective })));

describe.each(CASES)('$macro export ($perspective perspective) with hostile data and details', ({ macro, perspective }) => {
  const view = buildView({
    macro,
    programme: prog,
    initiatives: [hostile],
    config: config(perspective === 'region' ? { perspective, regionCode: '01' } : perspective === 'initiative' ? { perspective, initiativeId: hostile.id } : {}),
    now: NOW,
    audience: 'public',
  });
  const adf = viewToAdf(view, summariseProgramme(prog, [hostile]), 'sv', { details, perspective });

  it('is still valid ADF', () => {
    expect(adfErrors(adf)).toEqual([]);
  });

  it('carries hostile strings verbatim, and only inside text nodes', () => {
    const texts = allText(adf).join('\n');
    expect(texts).toContain(SCRIPT);
    for (const node of allNodes(adf as never)) {
      if (node.type === 'text') continue;
      const { content: _children, ...ownFields } = node as unknown as Record<string, unknown>;
      const own = JSON.stringify(ownFields);
      expect(own).not.toContain('<script>');
      expect(own).not.toContain('HYPERLINK');
      expect(own).not.toContain('onerror');
    }
  });

  it('never turns a javascript: or data: link into a link mark', () => {
    for (const href of linkHrefs(adf)) expect(href).toMatch(/^https?:\/\//);
    expect(JSON.stringify(adf)).not.toMatch(/javascript:|data:text/i);
  });
});

it('carries hostile details verbatim as text: contacts, need notes', () => {
  const textsOf = (macro: 'support-plan' | 'technical-needs', perspective?: 'region') => {
    const view = buildView({ macro, programme: prog, initiatives: [hostile], config: config(perspective ? { perspective, regionCode: '01' } : {}), now: NOW, audience: 'public' });
    return allText(viewToAdf(view, summariseProgramme(prog, [hostile]), 'sv', { details, perspective }));
  };
  // The details did reach the document, so the checks above saw them.
  expect(textsOf('support-plan')).toEqual(expect.arrayContaining([SCRIPT, FORMULA]));
  expect(textsOf('technical-needs')).toContain(`Pågår (${SCRIPT})`);
  const rolloutRegion = buildView({ macro: 'rollout-status', programme: prog, initiatives: [hostile], config: config({ perspective: 'region', regionCode: '01' }), now: NOW, audience: 'public' });
  expect(allText(viewToAdf(rolloutRegion, summariseProgramme(prog, [hostile]), 'sv', { details, perspective: 'region' })).join('\n')).toContain(SCRIPT);
});

it('keeps a formula-like name as the literal text of its node (the export has no formula semantics)', () => {
  const view = buildView({ macro: 'technical-needs', programme: prog, initiatives: [hostile], config: config(), now: NOW, audience: 'public' });
  const texts = allText(viewToAdf(view, summariseProgramme(prog, [hostile]), 'sv', { details }));
  expect(texts).toContain(FORMULA);
  expect(texts).toContain(`Pågår (${SCRIPT})`);
});
