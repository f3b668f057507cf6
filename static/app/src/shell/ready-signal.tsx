import { useEffect } from 'react';
import { loadErrorTexts } from '../components/error-message';
import { emitReadyOnce } from '../ready-event';

/**
 * Rendered next to the content inside the same Suspense boundary: it commits only together with the
 * content, so its effect runs once the content is really on screen.
 */
export function ReadySignal() {
  useEffect(() => {
    emitReadyOnce();
    // Once the first screen is up, fetch the error texts, so that a later failure (a save, the network
    // gone) can be told at once. They are left out of the first download (see ErrorMessage).
    void loadErrorTexts();
  }, []);
  return null;
}
