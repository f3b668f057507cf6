import type { ResolverResponse } from '@shared/contract';
import { MACRO_KEYS, type MacroKey } from '@shared/vocabulary';
import { invoke } from '../api';
import { resolveLocale } from '../i18n/locale';
import type { FullContext } from '../view-props';
import { loadView } from './view-registry';

export function isMacroKey(key: unknown): key is MacroKey {
  return typeof key === 'string' && (MACRO_KEYS as readonly string[]).includes(key);
}

/**
 * A macro's first render needs three downloads: the theme's CSS, its data (getView) and its view's code.
 * None depends on another, so they start together as soon as the context says which macro this is,
 * rather than the data after React's first render and the code after the data.
 */
export function startInitialLoad(context: FullContext): Promise<ResolverResponse<'getView'>> | undefined {
  const macro = context.moduleKey;
  if (!isMacroKey(macro) || context.extension?.macro?.isConfiguring === true) return undefined;
  // A failed chunk download surfaces where the view renders (its error boundary), not here.
  loadView(macro).catch(() => undefined);
  return invoke('getView', { locale: resolveLocale(context.locale) });
}
