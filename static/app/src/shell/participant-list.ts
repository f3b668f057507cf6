/**
 * The create form's custom participant list (decision 0027): one participant a line, "kod;namn" or
 * "kod;namn;kortnamn" — semicolons, as Swedish Excel writes them, so a column pasted from a spreadsheet
 * works too (tabs are read as semicolons). Blank lines are skipped; every problem is told by its line.
 */
export interface ParsedParticipant {
  code: string;
  name: string;
  short: string;
}

export type LineProblem = 'columns' | 'code' | 'name';

export interface ParsedList {
  participants: ParsedParticipant[];
  /** The 1-based line of each participant, to tell the schema's problems by line. */
  lines: number[];
  problems: Array<{ line: number; problem: LineProblem }>;
}

/** Short names are at most 40 characters (the participant schema); a long name is cut for its short form. */
const SHORT_MAX = 40;

export function parseParticipantList(text: string): ParsedList {
  const result: ParsedList = { participants: [], lines: [], problems: [] };
  text.split(/\r?\n/).forEach((raw, k) => {
    const line = k + 1;
    if (raw.trim() === '') return;
    const cells = raw.split(/[;\t]/).map((c) => c.trim());
    if (cells.length < 2 || cells.length > 3) {
      result.problems.push({ line, problem: 'columns' });
      return;
    }
    const [code = '', name = '', short = ''] = cells;
    if (code === '') result.problems.push({ line, problem: 'code' });
    else if (name === '') result.problems.push({ line, problem: 'name' });
    else {
      result.participants.push({ code, name, short: short || name.slice(0, SHORT_MAX).trim() });
      result.lines.push(line);
    }
  });
  return result;
}
