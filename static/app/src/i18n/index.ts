export { I18nProvider, useI18n, useMessages } from './i18n-context';
export { resolveLocale, safeTimeZone } from './locale';
export { describeError } from './error-messages';
export { interpolateNodes } from './interpolate-nodes';
export { describeWarning } from './warning-messages';
