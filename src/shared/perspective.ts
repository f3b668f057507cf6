/** Which perspective a macro's config resolves to. Free of zod, so the UI's first chunk can use it. */
import type { MacroConfig } from './schemas';

/**
 * The perspective a macro actually shows, the same on the server, in the export and in the UI: a region or
 * initiative perspective whose region or initiative is not chosen yet (the config dialog is half filled
 * in) shows the whole programme.
 */
export function effectivePerspective(config: Pick<MacroConfig, 'perspective' | 'regionCode' | 'initiativeId'>): MacroConfig['perspective'] {
  if (config.perspective === 'region') return config.regionCode ? 'region' : 'programme';
  if (config.perspective === 'initiative') return config.initiativeId ? 'initiative' : 'programme';
  return 'programme';
}
