export interface SkeletonProps {
  /** How much of the line it takes; the text that replaces it is about as long. */
  width?: 'short' | 'medium' | 'long' | 'full';
  className?: string;
}

/**
 * A grey bar where text is on its way: it takes the text's place, so nothing moves when the text arrives,
 * and it only shows after a moment (CSS), so a quick answer never flashes. Hidden from assistive
 * technology; the container says that it is loading (aria-busy and a hidden text).
 */
export function Skeleton({ width = 'medium', className }: SkeletonProps) {
  return <span className={`io-skeleton io-skeleton--${width}${className ? ` ${className}` : ''}`} aria-hidden="true" />;
}
