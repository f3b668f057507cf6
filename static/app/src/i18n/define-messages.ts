import type { Locale } from '@shared/vocabulary';

export type MessageParams = Record<string, string | number>;
/** A message is a template with {name} placeholders, or a function when grammar depends on a number. */
export type MessageValue = string | ((params: never) => string);
export type MessageTable = Record<string, MessageValue>;

/** The English table must have exactly the Swedish keys, with the same parameter shapes. */
export interface Messages<S extends MessageTable> {
  sv: S;
  en: { [K in keyof S]: S[K] };
}

export function defineMessages<S extends MessageTable>(messages: { sv: S; en: NoInfer<{ [K in keyof S]: S[K] }> }): Messages<S> {
  return messages;
}

type ParamsOf<V> = V extends (params: infer P) => string ? P : MessageParams;
type ArgsOf<V> = V extends (params: infer P) => string ? [params: P] : [params?: MessageParams];

export type Translate<S extends MessageTable> = <K extends keyof S & string>(key: K, ...args: ArgsOf<S[K]>) => string;

/** Replaces {name} with params.name; an unknown placeholder stays visible so a missing param is noticed. */
export function interpolate(template: string, params?: MessageParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

export function translator<S extends MessageTable>(messages: Messages<S>, locale: Locale): Translate<S> {
  // The build loads the English tables before anything renders (locale-tables.ts); should one be
  // missing all the same, Swedish is better than a crash.
  const table = (messages[locale] ?? messages.sv) as S;
  return ((key: keyof S & string, params?: ParamsOf<S[keyof S]>) => {
    const value = table[key] ?? messages.sv[key];
    if (typeof value === 'function') return (value as (p: unknown) => string)(params);
    if (value === undefined) return key;
    return interpolate(value, params as MessageParams | undefined);
  }) as Translate<S>;
}

/** Swedish plural: one form for exactly 1, another for the rest. English follows the same rule. */
export function plural(count: number, one: string, other: string): string {
  return interpolate(count === 1 ? one : other, { count });
}
