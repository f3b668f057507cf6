export { I18nProvider, useI18n, useMessages } from './i18n-context';
export { resolveLocale, safeTimeZone } from './locale';
export { interpolateNodes } from './interpolate-nodes';
