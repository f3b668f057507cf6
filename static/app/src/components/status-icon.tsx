import type { ReactNode } from 'react';
import type { NeedProgress, RolloutStatus } from '@shared/vocabulary';

/**
 * Shapes, not only colours, tell the states apart (WCAG 1.4.1). Rollout statuses fill a circle as the
 * rollout advances: empty → quarter → half → three quarters → full with a check; "declined" is struck
 * through. Colour comes from the surrounding lozenge's text colour (currentColor), so the icon always has
 * the text's contrast against the lozenge background.
 */
const QUARTER = 'M8 8V2.5A5.5 5.5 0 0 1 13.5 8Z';
const HALF = 'M8 8V2.5A5.5 5.5 0 0 1 8 13.5Z';
const THREE_QUARTERS = 'M8 8V2.5A5.5 5.5 0 1 1 2.5 8Z';

function Ring() {
  return <circle cx="8" cy="8" r="5.75" fill="none" stroke="currentColor" strokeWidth="1.5" />;
}

function Check() {
  return (
    <>
      <circle cx="8" cy="8" r="6.5" fill="currentColor" />
      <path className="io-icon__knockout" d="M5 8.2l2 2 4-4.2" fill="none" strokeWidth="1.75" strokeLinecap="round" strokeLinejoin="round" />
    </>
  );
}

function Slash() {
  return (
    <>
      <Ring />
      <path d="M4 12L12 4" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
    </>
  );
}

function Svg({ children, shape }: { children: ReactNode; shape: string }) {
  return (
    <svg className="io-icon" data-shape={shape} viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" focusable="false">
      {children}
    </svg>
  );
}

export function RolloutStatusIcon({ status }: { status: RolloutStatus }) {
  switch (status) {
    case 'not-started':
      return <Svg shape="ring"><Ring /></Svg>;
    case 'planning':
      return <Svg shape="quarter"><Ring /><path d={QUARTER} fill="currentColor" /></Svg>;
    case 'pilot':
      return <Svg shape="half"><Ring /><path d={HALF} fill="currentColor" /></Svg>;
    case 'rollout':
      return <Svg shape="three-quarters"><Ring /><path d={THREE_QUARTERS} fill="currentColor" /></Svg>;
    case 'live':
      return <Svg shape="check"><Check /></Svg>;
    case 'declined':
      return <Svg shape="slash"><Slash /></Svg>;
  }
}

export function NeedProgressIcon({ progress }: { progress: NeedProgress }) {
  switch (progress) {
    case 'not-started':
      return <Svg shape="ring"><Ring /></Svg>;
    case 'in-progress':
      return <Svg shape="half"><Ring /><path d={HALF} fill="currentColor" /></Svg>;
    case 'done':
      return <Svg shape="check"><Check /></Svg>;
    case 'not-applicable':
      return <Svg shape="slash"><Slash /></Svg>;
  }
}
