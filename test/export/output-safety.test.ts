import { buildView, summariseProgramme } from '../../src/domain/build-view';
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
  cells: { '01': cell({ status: 'pilot', link: 'JAVASCRIPT:alert(document.cookie)', pilotStart: '2026-01', regionalContact: SCRIPT, nationalContact: FORMULA }) },
  needs: [
    need({
      title: FORMULA,
      description: IMG,
      link: 'data:text/html;base64,PHNjcmlwdD4=',
      progress: { '01': { progress: 'in-progress', note: SCRIPT, updatedAt: NOW.toISOString(), updatedBy: 'a', updatedByName: 'A' } },
    }),
  ],
  milestones: [{ id: 'm', phase: 'planering', title: SCRIPT, done: false, dueMonth: null, doneOn: null }],
});

describe.each(MACRO_KEYS)('%s export with hostile data', (macro) => {
  const view = buildView({ macro, programme: prog, initiatives: [hostile], config: config(), now: NOW, audience: 'public' });
  const adf = viewToAdf(view, summariseProgramme(prog, [hostile]), 'sv', {});

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

it('keeps a formula-like name as the literal text of its node (the export has no formula semantics)', () => {
  const view = buildView({ macro: 'technical-needs', programme: prog, initiatives: [hostile], config: config(), now: NOW, audience: 'public' });
  const texts = allText(viewToAdf(view, summariseProgramme(prog, [hostile]), 'sv', {}));
  expect(texts).toContain(FORMULA);
  expect(texts).toContain(`Pågår (${SCRIPT})`);
});
