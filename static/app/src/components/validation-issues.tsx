/**
 * The list under a VALIDATION error: each issue names its field path and says what to do. A chunk of its
 * own because its texts (shared/issue-texts.ts, every validation rule in two languages) are needed only
 * once the server refuses input, never on a macro's first paint (the 100 KB initial-JS budget).
 */
import type { ValidationIssue } from '@shared/errors';
import { issueText } from '@shared/issue-texts';
import type { Locale } from '@shared/vocabulary';

/** Introduces the list. */
const ISSUES_LEAD: Record<Locale, string> = { sv: 'Det här behöver rättas:', en: 'What to correct:' };

export default function ValidationIssues({ issues, locale }: { issues: readonly ValidationIssue[]; locale: Locale }) {
  return (
    <>
      <p>{ISSUES_LEAD[locale]}</p>
      <ul className="io-error-issues">
        {issues.map((issue, i) => (
          <li key={`${issue.path}:${i}`}>
            {issue.path ? <code>{issue.path}</code> : null}
            {issue.path ? ': ' : null}
            {issueText(issue, locale)}
          </li>
        ))}
      </ul>
    </>
  );
}
