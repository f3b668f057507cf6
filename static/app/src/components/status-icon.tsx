import type { NeedProgress, RolloutStatus } from '@shared/vocabulary';

/**
 * Shapes, not only colours, tell the states apart (WCAG 1.4.1). Rollout statuses fill a circle as the
 * rollout advances: empty → quarter → half → three quarters → full with a check; "declined" is struck
 * through. The shapes are drawn by CSS (.io-shape--* in styles/components.css) in the surrounding text
 * colour (currentColor), so an icon always has the text's contrast against its lozenge, and a matrix of
 * thousands of statuses costs one element per icon instead of an SVG tree.
 */
export type Shape = 'ring' | 'quarter' | 'half' | 'three-quarters' | 'check' | 'slash';

export const ROLLOUT_STATUS_SHAPES: Readonly<Record<RolloutStatus, Shape>> = {
  'not-started': 'ring',
  planning: 'quarter',
  pilot: 'half',
  rollout: 'three-quarters',
  live: 'check',
  declined: 'slash',
};

export const NEED_PROGRESS_SHAPES: Readonly<Record<NeedProgress, Shape>> = {
  'not-started': 'ring',
  'in-progress': 'half',
  done: 'check',
  'not-applicable': 'slash',
};

export function ShapeIcon({ shape }: { shape: Shape }) {
  return <span className={`io-shape io-shape--${shape}`} data-shape={shape} aria-hidden="true" />;
}

export function RolloutStatusIcon({ status }: { status: RolloutStatus }) {
  return <ShapeIcon shape={ROLLOUT_STATUS_SHAPES[status]} />;
}

export function NeedProgressIcon({ progress }: { progress: NeedProgress }) {
  return <ShapeIcon shape={NEED_PROGRESS_SHAPES[progress]} />;
}
