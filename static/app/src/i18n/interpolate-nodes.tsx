import { Fragment, type ReactNode } from 'react';

/**
 * Like interpolate, but a placeholder may be an element ("Senast uppdaterad {date}" with a <time>), so
 * word order stays in the translation instead of being glued together in code.
 */
export function interpolateNodes(template: string, params: Record<string, ReactNode>): ReactNode {
  const parts = template.split(/(\{\w+\})/g);
  return parts.map((part, i) => {
    const m = /^\{(\w+)\}$/.exec(part);
    if (m && Object.prototype.hasOwnProperty.call(params, m[1])) return <Fragment key={i}>{params[m[1]]}</Fragment>;
    return part ? <Fragment key={i}>{part}</Fragment> : null;
  });
}
