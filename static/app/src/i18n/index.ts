export { I18nProvider, useI18n, useMessages, createI18n, type I18n } from './i18n-context';
export { defineMessages, interpolate, plural, translator, type Messages, type MessageTable, type Translate } from './define-messages';
export { resolveLocale, safeTimeZone, intlTag } from './locale';
export { describeError, describeDenial, type ErrorText } from './error-messages';
export { formatDate, formatDateTime, formatDay, formatMonth, formatQuarter, formatRelative, daysSince } from './format';
export { commonMessages } from './common-messages';
export { interpolateNodes } from './interpolate-nodes';
export { describeWarning } from './warning-messages';
