import { useEffect } from 'react';
import { emitReadyOnce } from '../ready-event';

/**
 * Rendered next to the content inside the same Suspense boundary: it commits only together with the
 * content, so its effect runs once the content is really on screen.
 */
export function ReadySignal() {
  useEffect(() => {
    emitReadyOnce();
  }, []);
  return null;
}
