/**
 * The demo programme: an FLDV-like rollout with 21 regions, marked as example data. It is generated, not
 * typed out, so every status, warning and staleness case the views handle shows up in a believable mix:
 * a few regions run ahead, a few lag, one region declines a service, some entries have not been reviewed
 * for months. Generation is pure and seeded, so the same `now` always gives the same data (tests rely on
 * it), and every date is relative to `now`, so the demo never goes out of date.
 */
import type { CellFields, HistoryEntry, InitiativeFields, InitiativeWithDetails, Milestone, Programme, PublicContacts } from '../src/shared/model';
import { SWEDISH_REGIONS } from '../src/shared/regions';
import {
  DEFAULT_MILESTONES,
  PHASES,
  type NeedCategory,
  type NeedProgress,
  type Phase,
  type RolloutStatus,
} from '../src/shared/vocabulary';

export const DEMO_PROGRAMME_ID = 'fldv-exempel';
export const DEMO_SPACE_KEY = 'INF';

export interface DemoProgramme {
  programme: Programme;
  initiatives: InitiativeWithDetails[];
  history: HistoryEntry[];
}

/** The programme office and regional people who "wrote" the demo data (audit names only). */
const PEOPLE = [
  { accountId: 'demo-editor', name: 'Eva Redaktör' },
  { accountId: 'demo-pm-anna', name: 'Anna Lindqvist' },
  { accountId: 'demo-pm-johan', name: 'Johan Ek' },
  { accountId: 'demo-pm-sara', name: 'Sara Nilsson' },
] as const;

/** How far ahead (+) or behind (−) each region tends to be; a region's habit, not a rule. */
const REGION_PACE: Record<string, number> = {
  '01': 0.14, '03': 0.05, '04': -0.04, '05': 0.12, '06': 0.1, '07': -0.1, '08': 0.0,
  '09': -0.16, '10': -0.08, '12': 0.1, '13': 0.05, '14': 0.12, '17': -0.05, '18': 0.02,
  '19': -0.02, '20': -0.06, '21': -0.1, '22': -0.12, '23': -0.15, '24': 0.03, '25': -0.08,
};

interface NeedSpec {
  title: string;
  category: NeedCategory;
  required: boolean;
  description: string;
  link: string | null;
}

interface InitiativeSpec {
  slug: string;
  fields: Omit<InitiativeFields, 'nationalPilotStart' | 'nationalPilotEnd' | 'nationalBroadStart' | 'nationalBroadEnd'>;
  /** National windows as month offsets from `now`: [pilotStart, pilotEnd, broadStart, broadEnd]. */
  window: [number, number, number, number];
  /** 0 = barely started nationally, 1 = done almost everywhere. */
  maturity: number;
  /** A region code that has decided not to take part, if any. */
  declinedIn?: string[];
  archived?: boolean;
  needs: NeedSpec[];
}

const INERA = 'https://www.inera.se/tjanster';

const INITIATIVES: InitiativeSpec[] = [
  {
    slug: 'inkorg-kallelser',
    fields: {
      name: '1177 inkorg – digitala kallelser',
      kind: 'service',
      summary: 'Kallelser skickas digitalt till invånarens inkorg på 1177 i stället för med brev. Invånaren får en avisering och kan boka om eller avboka direkt.',
      infoLink: `${INERA}/1177-inkorg/`,
      contact: 'Anna Lindqvist, införandeledare',
      rolloutType: 'technology',
      phase: 'genomforande',
    },
    window: [-10, -5, -4, 14],
    maturity: 0.72,
    needs: [
      { title: 'Anslutning till tjänstekontrakt AddMessage 2.0', category: 'service-contract', required: true, description: 'Journalsystemet eller kallelsesystemet skickar kallelser till inkorgen via tjänstekontraktet AddMessage 2.0 i den nationella tjänsteplattformen.', link: `${INERA}/tjansteplattformen/` },
      { title: 'Kallelsemallar i journalsystemet', category: 'care-system-integration', required: true, description: 'Mallarna för kallelser ska ha strukturerade fält för tid, plats och förberedelser så att de visas rätt i inkorgen.', link: null },
      { title: 'Vårdenheter uppdaterade i HSA-katalogen', category: 'support-service', required: true, description: 'Avsändande enheter måste finnas med korrekt namn och adress i HSA-katalogen.', link: `${INERA}/hsa/` },
      { title: 'Regional anpassning av kallelsetexter', category: 'regional-adaptation', required: false, description: 'Regionens egna texter om parkering, avgifter och uteblivna besök.', link: null },
    ],
  },
  {
    slug: 'video-1177',
    fields: {
      name: 'Video i 1177 på telefon',
      kind: 'service',
      summary: 'Videobesök startas från 1177 på telefon och surfplatta utan separat app. Vårdpersonal ansluter från sitt ordinarie arbetssätt.',
      infoLink: `${INERA}/video-och-distansmote/`,
      contact: 'Johan Ek, införandeledare',
      rolloutType: 'both',
      phase: 'genomforande',
    },
    window: [-6, -1, 0, 18],
    maturity: 0.52,
    needs: [
      { title: 'SITHS eID-inloggning för vårdpersonal', category: 'support-service', required: true, description: 'Personal loggar in med SITHS eID; berörda medarbetare behöver giltiga SITHS-kort eller SITHS eID på mobilen.', link: `${INERA}/siths/` },
      { title: 'Brandväggsöppningar för video mot Sjunet och internet', category: 'infrastructure', required: true, description: 'Öppningar för mediatrafik enligt anslutningsanvisningen; kontrolleras med Ineras testverktyg.', link: `${INERA}/sjunet/` },
      { title: 'Headset och kameror på mottagningarna', category: 'other', required: false, description: 'Rekommenderad utrustning för god ljudkvalitet i videomötet.', link: null },
    ],
  },
  {
    slug: 'hemprovtagning',
    fields: {
      name: 'Egen provhantering (hemprovtagning)',
      kind: 'project',
      summary: 'Invånaren beställer provtagningskit, tar provet hemma och får svaret i 1177. Projektet tar fram gemensamma flöden för logistik och provsvar.',
      infoLink: `${INERA}/egen-provhantering/`,
      contact: 'Sara Nilsson, projektledare',
      rolloutType: 'both',
      phase: 'planering',
    },
    window: [-2, 4, 5, 20],
    maturity: 0.28,
    needs: [
      { title: 'Integration mot laboratoriesystemet för provsvar', category: 'care-system-integration', required: true, description: 'Provsvar från laboratoriet förs över till journalen och publiceras för invånaren.', link: null },
      { title: 'Anslutning till tjänstekontrakt för remiss och provsvar', category: 'service-contract', required: true, description: 'Beställning och svar utväxlas via tjänstekontrakten för remisser och laboratoriesvar.', link: `${INERA}/tjansteplattformen/` },
      { title: 'Avtal om logistik för provkit', category: 'other', required: false, description: 'Regionens avtal med transportör och apotek för utlämning och retur av provkit.', link: null },
    ],
  },
  {
    slug: 'digital-vardtjanst-chatt',
    fields: {
      name: 'Digital vårdtjänst – chatt',
      kind: 'service',
      summary: 'Invånaren får kontakt med vården via chatt i 1177. Ärenden dokumenteras i journalen och kan slussas vidare till besök.',
      infoLink: `${INERA}/digital-vardtjanst/`,
      contact: 'Anna Lindqvist, införandeledare',
      rolloutType: 'technology',
      phase: 'genomforande',
    },
    window: [-9, -4, -3, 12],
    maturity: 0.62,
    declinedIn: ['09'],
    needs: [
      { title: 'Integration mot journalsystemet för dokumentation', category: 'care-system-integration', required: true, description: 'Chattkonversationen förs över till journalen som en anteckning.', link: null },
      { title: 'SITHS-kort för berörd personal', category: 'support-service', required: true, description: 'Alla som bemannar chatten behöver SITHS-kort och behörighet i HSA.', link: `${INERA}/siths/` },
      { title: 'Brandväggsöppningar mot Sjunet', category: 'infrastructure', required: true, description: 'Anslutning från regionens nät till tjänsten via Sjunet.', link: `${INERA}/sjunet/` },
      { title: 'Regionala flöden för bemanning och schema', category: 'regional-adaptation', required: false, description: 'Vilka mottagningar som bemannar chatten och när.', link: null },
    ],
  },
  {
    slug: 'journalen-ombud',
    fields: {
      name: 'Journalen – ombudsåtkomst',
      kind: 'project',
      summary: 'Invånaren kan ge ett ombud behörighet att läsa delar av sin journal. Regionerna beslutar om regler för vilka uppgifter som visas.',
      infoLink: `${INERA}/journalen/`,
      contact: 'Johan Ek, projektledare',
      rolloutType: 'business',
      phase: 'planering',
    },
    window: [-3, 3, 4, 16],
    maturity: 0.36,
    needs: [
      { title: 'Regionala regler för ombudens åtkomst', category: 'regional-adaptation', required: true, description: 'Beslut om vilka informationsmängder som visas för ombud och om spärrtider.', link: null },
      { title: 'Leverans av journalinformation via tjänstekontrakt', category: 'service-contract', required: true, description: 'Journalsystemet levererar de informationsmängder som ska visas via de nationella tjänstekontrakten.', link: `${INERA}/tjansteplattformen/` },
    ],
  },
  {
    slug: 'stod-och-behandling',
    fields: {
      name: 'Stöd och behandling – nya program',
      kind: 'assignment',
      summary: 'Nationellt framtagna behandlingsprogram, till exempel för sömn och oro, görs tillgängliga i plattformen Stöd och behandling.',
      infoLink: `${INERA}/stod-och-behandling/`,
      contact: 'Sara Nilsson, uppdragsledare',
      rolloutType: 'business',
      phase: 'genomforande',
    },
    window: [-5, 0, 1, 15],
    maturity: 0.5,
    needs: [
      { title: 'Behandlarbehörigheter i HSA-katalogen', category: 'support-service', required: true, description: 'Behandlare behöver rätt medarbetaruppdrag i HSA för att kunna tilldelas invånare.', link: `${INERA}/hsa/` },
      { title: 'Utbildning av behandlare', category: 'other', required: false, description: 'Regionen utbildar behandlare i de nya programmen innan de erbjuds invånare.', link: null },
    ],
  },
  {
    slug: 'symtombedomning',
    fields: {
      name: 'Symtombedömning och hänvisning 1177',
      kind: 'service',
      summary: 'Invånaren svarar på frågor om sina symtom och hänvisas till rätt vårdnivå och mottagning i den egna regionen.',
      infoLink: `${INERA}/stod-och-hanvisning/`,
      contact: 'Anna Lindqvist, införandeledare',
      rolloutType: 'both',
      phase: 'genomforande',
    },
    window: [-8, -3, -2, 13],
    maturity: 0.58,
    needs: [
      { title: 'Regionala hänvisningsregler', category: 'regional-adaptation', required: true, description: 'Regler för vilka mottagningar invånaren hänvisas till per vårdnivå och tid på dygnet.', link: null },
      { title: 'Mottagningsuppgifter i HSA-katalogen', category: 'support-service', required: true, description: 'Öppettider och kontaktvägar för mottagningarna hämtas från HSA-katalogen.', link: `${INERA}/hsa/` },
      { title: 'Integration mot regionens kontaktcenter', category: 'care-system-integration', required: false, description: 'Bedömningen följer med när invånaren ringer 1177 eller mottagningen.', link: null },
    ],
  },
  {
    slug: 'webbtidbok-ombokning',
    fields: {
      name: 'Webbtidbok – ombokning',
      kind: 'service',
      summary: 'Invånaren kan boka om och avboka tider i 1177 som är bokade i regionens tidbok.',
      infoLink: `${INERA}/webbtidbok/`,
      contact: 'Johan Ek, införandeledare',
      rolloutType: 'technology',
      phase: 'genomforande',
    },
    window: [-10, -7, -6, 8],
    maturity: 0.84,
    needs: [
      { title: 'Anslutning till tjänstekontrakt för tidbokning', category: 'service-contract', required: true, description: 'Tidboken i journalsystemet exponeras via tjänstekontrakten för tidbokning.', link: `${INERA}/tjansteplattformen/` },
      { title: 'Tidtyper märkta för ombokning i journalsystemet', category: 'care-system-integration', required: true, description: 'Varje tidtyp märks med om den får bokas om digitalt.', link: null },
    ],
  },
  {
    slug: 'gemensam-ingang',
    fields: {
      name: 'Gemensam digital ingång – 1177 direkt',
      kind: 'project',
      summary: 'En gemensam ingång där invånaren når sin vårdcentral, oavsett region, med samma inloggning och samma sätt att söka kontakt.',
      infoLink: `${INERA}/1177-direkt/`,
      contact: 'Sara Nilsson, projektledare',
      rolloutType: 'both',
      phase: 'initiering',
    },
    window: [3, 9, 10, 25],
    maturity: 0.08,
    needs: [
      { title: 'Anslutning till tjänstekontrakt för ärendehantering', category: 'service-contract', required: true, description: 'Ärenden från den gemensamma ingången lämnas över till regionens ärendesystem.', link: `${INERA}/tjansteplattformen/` },
      { title: 'Brandväggsöppningar mot Sjunet', category: 'infrastructure', required: true, description: 'Regionens ärendesystem nås från tjänsten via Sjunet.', link: `${INERA}/sjunet/` },
      { title: 'Regional informationsstruktur på 1177', category: 'regional-adaptation', required: false, description: 'Regionens mottagningssidor anpassas till den gemensamma ingången.', link: null },
    ],
  },
  {
    slug: 'digitala-formular-pilot',
    fields: {
      name: 'Digitala formulär – pilot (avslutad)',
      kind: 'project',
      summary: 'Piloten med digitala hälsodeklarationer före besök. Avslutad och överlämnad till förvaltning; visas för historik.',
      infoLink: `${INERA}/formulartjanst/`,
      contact: 'Anna Lindqvist',
      rolloutType: 'technology',
      phase: 'avslut',
    },
    window: [-10, -8, -7, -1],
    maturity: 0.9,
    archived: true,
    needs: [
      { title: 'Integration mot journalsystemet för formulärsvar', category: 'care-system-integration', required: true, description: 'Svaren förs över till journalen före besöket.', link: null },
      { title: 'Vårdenheter uppdaterade i HSA-katalogen', category: 'support-service', required: true, description: 'Formulären skickas från enheter som finns i HSA-katalogen.', link: `${INERA}/hsa/` },
    ],
  },
];

const DAY_MS = 86_400_000;

/** Builds the demo programme for the given instant. Pure and deterministic. */
export function buildDemoProgramme(now: Date): DemoProgramme {
  const rand = mulberry32(0x1177_2026);
  const baseMonth = yearMonthOf(now);
  const history: HistoryEntry[] = [];
  let historyCounter = 0;
  const nextHistoryId = () => `demo-h-${String(++historyCounter).padStart(4, '0')}`;

  const stamp = (daysAgo: number, person = pick(rand, PEOPLE)) => {
    const at = new Date(now.getTime() - daysAgo * DAY_MS);
    // Office hours, Swedish time (UTC+1/+2): 06:00–15:00 UTC.
    at.setUTCHours(6 + Math.floor(rand() * 9), Math.floor(rand() * 60), 0, 0);
    if (at.getTime() > now.getTime()) at.setTime(now.getTime() - 60_000);
    return { updatedAt: at.toISOString(), updatedBy: person.accountId, updatedByName: person.name };
  };
  // Most entries were reviewed recently, a tail has not been touched for months (past the 90-day threshold).
  const reviewAge = () => Math.floor(200 * rand() ** 3);

  const createdAt = stampAt(now, 220, 8);
  const programme: Programme = {
    id: DEMO_PROGRAMME_ID,
    spaceKey: DEMO_SPACE_KEY,
    name: 'Första linjens digitala vård (FLDV) – exempeldata',
    description:
      'Exempeldata som visar hur översikten fungerar. Programmet samlar de tjänster och projekt som regionerna inför för digital vård i första linjen. Namn, datum och lägen är påhittade.',
    participants: SWEDISH_REGIONS.map((r) => ({ ...r })),
    milestoneTemplate: DEFAULT_MILESTONES.map((m) => ({ id: m.id, phase: m.phase, title: m.title.sv })),
    stalenessDays: 90,
    published: true,
    isExample: true,
    createdAt,
    createdBy: 'demo-editor',
    updatedAt: createdAt,
    updatedBy: 'demo-editor',
    version: 1,
  };
  history.push({
    id: nextHistoryId(),
    programmeId: programme.id,
    initiativeId: null,
    regionCode: null,
    needId: null,
    target: 'programme',
    action: 'create',
    at: createdAt,
    by: 'demo-editor',
    byName: 'Eva Redaktör',
    changes: [{ field: 'name', old: null, new: programme.name }],
  });

  const initiatives = INITIATIVES.map((spec, index): InitiativeWithDetails => {
    const [ps, pe, bs, be] = spec.window;
    const fields: InitiativeFields = {
      ...spec.fields,
      nationalPilotStart: addMonths(baseMonth, ps),
      nationalPilotEnd: addMonths(baseMonth, pe),
      nationalBroadStart: addMonths(baseMonth, bs),
      nationalBroadEnd: addMonths(baseMonth, be),
    };
    const id = `demo-${spec.slug}`;
    const created = stampAt(now, 210 - index * 3, 9);
    const initiativeStamp = stamp(Math.floor(rand() * 60));

    const cells: InitiativeWithDetails['cells'] = {};
    const statusByRegion: Record<string, RolloutStatus> = {};
    for (const region of SWEDISH_REGIONS) {
      const status = statusFor(spec, region.code, rand);
      statusByRegion[region.code] = status;
      // An initiative still in initiation has regions that have not reported anything yet.
      if (status === 'not-started' && spec.fields.phase === 'initiering' && rand() < 0.4) continue;
      const cellStamp = stamp(spec.archived ? 150 + Math.floor(rand() * 40) : reviewAge());
      const cell = { ...planFor(status, fields, region.code, region.short, spec, baseMonth, now, rand), updatedAt: cellStamp.updatedAt };
      cells[region.code] = cell;
      history.push({
        id: nextHistoryId(),
        programmeId: programme.id,
        initiativeId: id,
        regionCode: region.code,
        needId: null,
        target: 'cell',
        action: 'update',
        at: cellStamp.updatedAt,
        by: cellStamp.updatedBy,
        byName: cellStamp.updatedByName,
        changes: [{ field: 'status', old: previousStatus(status), new: status }],
      });
    }

    const needs = spec.needs.map((need, n): InitiativeWithDetails['needs'][number] => {
      const progress: InitiativeWithDetails['needs'][number]['progress'] = {};
      for (const region of SWEDISH_REGIONS) {
        const value = needProgressFor(statusByRegion[region.code]!, need.required, rand);
        // Untouched regions keep the default (not started) by leaving the entry out.
        if (value === 'not-started' && rand() < 0.5) continue;
        progress[region.code] = { progress: value, note: needNote(value, rand), updatedAt: stamp(reviewAge()).updatedAt };
      }
      return { id: `${id}-need-${n + 1}`, title: need.title, category: need.category, required: need.required, description: need.description, link: need.link, progress };
    });

    history.push({
      id: nextHistoryId(),
      programmeId: programme.id,
      initiativeId: id,
      regionCode: null,
      needId: null,
      target: 'initiative',
      action: 'create',
      at: created,
      by: 'demo-editor',
      byName: 'Eva Redaktör',
      changes: [{ field: 'name', old: null, new: fields.name }],
    });

    return {
      ...fields,
      ...initiativeStamp,
      id,
      programmeId: programme.id,
      order: index,
      archived: spec.archived ?? false,
      cells,
      needs,
      milestones: milestonesFor(spec.fields.phase, baseMonth, now, rand),
      createdAt: created,
      createdBy: 'demo-editor',
      version: 1,
    };
  });

  history.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : 1));
  return { programme, initiatives, history };
}

// ------------------------------------------------------------------ per-region generation

function statusFor(spec: InitiativeSpec, code: string, rand: () => number): RolloutStatus {
  if (spec.declinedIn?.includes(code)) return 'declined';
  if (spec.archived) return rand() < 0.85 ? 'live' : 'declined';
  const score = spec.maturity + (REGION_PACE[code] ?? 0) + (rand() - 0.5) * 0.3;
  if (score < 0.18) return 'not-started';
  if (score < 0.4) return 'planning';
  if (score < 0.58) return 'pilot';
  if (score < 0.8) return 'rollout';
  return 'live';
}

function planFor(
  status: RolloutStatus,
  fields: InitiativeFields,
  code: string,
  regionShort: string,
  spec: InitiativeSpec,
  baseMonth: string,
  now: Date,
  rand: () => number,
): CellFields & { publicContacts: PublicContacts } {
  const pace = REGION_PACE[code] ?? 0;
  // Fast regions start near the opening of the national window, slow ones later.
  const lag = Math.max(0, Math.round((0.15 - pace) * 12 + rand() * 3));
  const natPilot = fields.nationalPilotStart!;
  const offsetOf = (ym: string) => monthsBetween(baseMonth, ym);
  let pilotStart: string | null = null;
  let pilotEnd: string | null = null;
  let broadStart: string | null = null;
  let broadEnd: string | null = null;
  const months = (from: string, n: number) => addMonths(from, n);

  switch (status) {
    case 'not-started':
      if (rand() < 0.5) {
        pilotStart = months(baseMonth, Math.max(2, offsetOf(natPilot) + lag + 2));
        pilotEnd = months(pilotStart, 4);
      }
      break;
    case 'planning':
      pilotStart = months(baseMonth, 1 + Math.floor(rand() * 5));
      pilotEnd = months(pilotStart, 3 + Math.floor(rand() * 3));
      broadStart = months(pilotEnd, 1);
      broadEnd = months(broadStart, 9 + Math.floor(rand() * 6));
      break;
    case 'pilot':
      pilotStart = months(baseMonth, -(1 + Math.floor(rand() * 4)));
      pilotEnd = months(baseMonth, 1 + Math.floor(rand() * 4));
      broadStart = months(pilotEnd, 1);
      broadEnd = months(broadStart, 8 + Math.floor(rand() * 6));
      break;
    case 'rollout':
      pilotStart = months(baseMonth, -(6 + Math.floor(rand() * 3)));
      pilotEnd = months(pilotStart, 3);
      broadStart = months(pilotEnd, 1);
      broadEnd = months(baseMonth, 2 + Math.floor(rand() * 8));
      break;
    case 'live':
      pilotStart = months(baseMonth, -(9 + Math.floor(rand() * 2)));
      pilotEnd = months(pilotStart, 2);
      broadStart = months(pilotEnd, 1);
      broadEnd = months(baseMonth, -(1 + Math.floor(rand() * 2)));
      break;
    case 'declined':
      break;
  }

  // Regions do not start before the national windows open; where the generated plan says otherwise,
  // most are pulled in line and a few are left early on purpose, as a consistency warning to find.
  const natBroad = fields.nationalBroadStart!;
  if (pilotStart && pilotStart < natPilot && rand() < 0.85) {
    const shift = monthsBetween(pilotStart, natPilot);
    pilotStart = natPilot;
    pilotEnd = pilotEnd ? months(pilotEnd, shift) : null;
    broadStart = broadStart ? months(broadStart, shift) : null;
    broadEnd = broadEnd ? months(broadEnd, shift) : null;
  }
  const broadDone = status === 'live' && broadEnd !== null && broadEnd < natBroad;
  if (broadStart && broadStart < natBroad && !broadDone && rand() < 0.85) broadStart = natBroad;
  if (broadStart && broadEnd && broadEnd < broadStart) broadEnd = months(broadStart, 6);

  const active = status !== 'not-started' && status !== 'declined';
  // Contact is normally established before anything starts; a few active regions still lack it.
  const contactEstablished = status === 'declined' ? false : active ? rand() > 0.03 : rand() < 0.3;
  const contactMonthsBefore = 2 + Math.floor(rand() * 6);
  const contactSince = contactEstablished
    ? isoDateOf(new Date(Date.UTC(...ymParts(months(pilotStart ?? baseMonth, -contactMonthsBefore)), 3 + Math.floor(rand() * 24))))
    : null;
  const since = contactSince && contactSince > isoDateOf(now) ? isoDateOf(new Date(now.getTime() - 30 * DAY_MS)) : contactSince;

  return {
    status,
    note: cellNote(status, rand),
    link: status === 'live' && rand() < 0.25 ? `https://www.1177.se/` : null,
    pilotStart,
    pilotEnd,
    broadStart,
    broadEnd,
    contactEstablished,
    contactSince: since,
    regionalContact: contactEstablished ? pick(rand, REGIONAL_ROLES).replace('{r}', regionShort) : '',
    nationalContact: contactEstablished ? spec.fields.contact.split(',')[0]! : '',
    // The regional contact is a role and public; the national one is a person's name and is not (decision 0020).
    publicContacts: { regional: contactEstablished, national: false },
  };
}

const REGIONAL_ROLES = [
  'Införandesamordnare, Region {r}',
  'Digitaliseringsstrateg, {r}',
  'Förvaltningsledare 1177, {r}',
  'Verksamhetsutvecklare primärvård, {r}',
];

function cellNote(status: RolloutStatus, rand: () => number): string {
  if (status === 'declined') return 'Regionen avstår tills vidare och använder en egen lösning; beslutet omprövas inför nästa verksamhetsår.';
  if (rand() > 0.35) return '';
  const notes: Record<RolloutStatus, string[]> = {
    'not-started': ['Väntar på beslut i regionens digitaliseringsråd.', 'Ingår i planeringen för nästa år.'],
    planning: ['Projektgrupp utsedd, workshop 1 genomförd.', 'Beställning av integration lagd hos journalsystemsleverantören.', 'Väntar på upphandling av nytt journalsystem.'],
    pilot: ['Pilot på två vårdcentraler.', 'Pilot i en närsjukvårdsområde, utvärdering pågår.'],
    rollout: ['Infört i primärvården, specialistvården återstår.', 'Breddinförande pågår område för område.'],
    live: ['Infört i hela regionen och överlämnat till förvaltning.', 'Infört; uppföljning av användning sker kvartalsvis.'],
    declined: [],
  };
  const list = notes[status];
  return list.length ? pick(rand, list) : '';
}

function previousStatus(status: RolloutStatus): RolloutStatus {
  const order: RolloutStatus[] = ['not-started', 'planning', 'pilot', 'rollout', 'live'];
  const i = order.indexOf(status);
  return i > 0 ? order[i - 1]! : 'not-started';
}

function needProgressFor(status: RolloutStatus, required: boolean, rand: () => number): NeedProgress {
  const r = rand();
  switch (status) {
    case 'declined':
      return 'not-applicable';
    case 'live':
      return required || r < 0.7 ? 'done' : 'not-applicable';
    case 'rollout':
      return r < 0.985 ? 'done' : 'in-progress';
    case 'pilot':
      // A few pilots run before every required need is met: a consistency warning worth seeing.
      return r < 0.93 ? 'done' : r < 0.985 ? 'in-progress' : 'not-started';
    case 'planning':
      return r < 0.15 ? 'done' : r < 0.55 ? 'in-progress' : 'not-started';
    case 'not-started':
      return !required && r < 0.1 ? 'not-applicable' : 'not-started';
  }
}

function needNote(progress: NeedProgress, rand: () => number): string {
  if (progress === 'in-progress' && rand() < 0.4) return pick(rand, ['Beställt hos leverantören.', 'Test i acceptansmiljö pågår.', 'Väntar på brandväggsbeställning.']);
  if (progress === 'not-applicable' && rand() < 0.5) return 'Ej aktuellt för regionens lösning.';
  return '';
}

function milestonesFor(phase: Phase | null, baseMonth: string, now: Date, rand: () => number): Milestone[] {
  const phaseIndex = phase ? PHASES.indexOf(phase) : -1;
  return DEFAULT_MILESTONES.map((m, i): Milestone => {
    const mPhase = PHASES.indexOf(m.phase);
    // Everything in earlier phases is done; in the current phase, the first milestones are.
    const done = mPhase < phaseIndex || (mPhase === phaseIndex && rand() < 0.5);
    const doneOn = done ? isoDateOf(new Date(now.getTime() - (200 - i * 15 + Math.floor(rand() * 10)) * DAY_MS)) : null;
    return {
      id: m.id,
      phase: m.phase,
      title: m.title.sv,
      done,
      dueMonth: done ? null : addMonths(baseMonth, Math.max(1, (mPhase - Math.max(phaseIndex, 0)) * 4 + (i % 3))),
      doneOn,
    };
  });
}

// ------------------------------------------------------------------ time and randomness

/** A small seeded PRNG (mulberry32): same seed, same sequence, on every platform. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(rand: () => number, items: ReadonlyArray<T>): T {
  return items[Math.floor(rand() * items.length)]!;
}

function yearMonthOf(d: Date): string {
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

function ymParts(ym: string): [number, number] {
  return [Number(ym.slice(0, 4)), Number(ym.slice(5, 7)) - 1];
}

export function addMonths(ym: string, n: number): string {
  const [y, m] = ymParts(ym);
  const total = y * 12 + m + n;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
}

function monthsBetween(from: string, to: string): number {
  const [fy, fm] = ymParts(from);
  const [ty, tm] = ymParts(to);
  return ty * 12 + tm - (fy * 12 + fm);
}

function isoDateOf(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function stampAt(now: Date, daysAgo: number, hourUtc: number): string {
  const d = new Date(now.getTime() - daysAgo * DAY_MS);
  d.setUTCHours(hourUtc, 0, 0, 0);
  return d.toISOString();
}
