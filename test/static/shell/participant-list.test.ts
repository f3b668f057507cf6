/** The create form's custom list (decision 0027): "kod;namn" a line, problems by line, blank lines skipped. */
import { parseParticipantList } from '../../../static/app/src/shell/participant-list';

it('reads code;name and code;name;short, tabs as semicolons, and skips blank lines', () => {
  const parsed = parseParticipantList('0180;Stockholm\r\n\n  0114 ; Upplands Väsby ; Väsby \n2584\tKiruna\n');
  expect(parsed.participants).toEqual([
    { code: '0180', name: 'Stockholm', short: 'Stockholm' },
    { code: '0114', name: 'Upplands Väsby', short: 'Väsby' },
    { code: '2584', name: 'Kiruna', short: 'Kiruna' },
  ]);
  expect(parsed.lines).toEqual([1, 3, 4]);
  expect(parsed.problems).toEqual([]);
});

it('tells each problem by its line', () => {
  const parsed = parseParticipantList('A;Alfa\nbara text\n;Utan kod\nB;\nC;Ce;C;extra');
  expect(parsed.problems).toEqual([
    { line: 2, problem: 'columns' },
    { line: 3, problem: 'code' },
    { line: 4, problem: 'name' },
    { line: 5, problem: 'columns' },
  ]);
  expect(parsed.participants.map((p) => p.code)).toEqual(['A']);
});

it('cuts a long name to 40 characters for the short name', () => {
  const name = 'Ett mycket långt namn på en deltagare som fortsätter';
  expect(parseParticipantList(`X;${name}`).participants[0]!.short).toBe(name.slice(0, 40).trim());
});
