/**
 * What Confluence hands an adfExport function. The event carries the macro's config and the page's
 * context, but its layout has differed between export paths (PDF puts the config under
 * `extensionPayload`, Word and other paths under `context`), so every known location is read. Only
 * platform-supplied fields are used: the space is never taken from the macro config.
 */
import { parseMacroConfig, type MacroConfig } from '../shared/schemas';
import type { Locale } from '../shared/vocabulary';
import { toLocale, toTimeZone } from './format';

export interface ExportRequest {
  config: MacroConfig;
  /** The space of the page being exported; null when the platform did not say. */
  spaceKey: string | null;
  locale: Locale;
  timeZone: string;
  /** 'pdf', 'word' or 'other' as Confluence reports it; informational. */
  exportType: string | null;
}

type Loose = Record<string, unknown> | undefined;

function obj(value: unknown): Loose {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function str(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
}

function firstDefined(...values: unknown[]): unknown {
  return values.find((v) => v !== undefined && v !== null);
}

export function readExportEvent(event: unknown): ExportRequest {
  const e = obj(event);
  const payload = obj(e?.extensionPayload);
  const context = obj(e?.context);
  const extension = obj(context?.extension) ?? obj(payload?.extension);
  const space = obj(extension?.space) ?? obj(payload?.space) ?? obj(context?.space);

  const rawConfig = firstDefined(payload?.config, extension?.config, context?.config, e?.config);
  const spaceKey = str(space?.key) ?? str(context?.spaceKey) ?? str(payload?.spaceKey);
  const locale = toLocale(firstDefined(context?.locale, payload?.locale, e?.locale));
  const timeZone = toTimeZone(firstDefined(context?.timezone, payload?.timezone, e?.timezone));

  return { config: parseMacroConfig(rawConfig), spaceKey, locale, timeZone, exportType: str(e?.exportType) };
}
