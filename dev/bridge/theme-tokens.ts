/**
 * What `view.theme.enable()` gives a Custom UI app in Confluence: the Atlassian Design System token
 * CSS, and `data-color-mode` / `data-theme` on the iframe's <html>. Taken from @atlaskit/tokens' own
 * theme artifacts (the CSS Confluence ships), so `var(--ds-...)` resolves to the real values in both
 * light and dark mode.
 */

/** The themes Confluence applies by default; each is a CSS string keyed on [data-theme~="..."]. */
const THEMES = ['atlassian-light', 'atlassian-dark', 'atlassian-spacing', 'atlassian-typography', 'atlassian-shape'] as const;

/** Equals @atlaskit/tokens' getThemeHtmlAttrs() for the default theme state, without its feature-gate noise. */
export const THEME_ATTRIBUTE = 'dark:dark light:light shape:shape spacing:spacing typography:typography';

let cached: string | undefined;

export function tokensCss(): string {
  if (cached === undefined) {
    cached = THEMES.map((name) => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const mod = require(`@atlaskit/tokens/dist/cjs/artifacts/themes/${name}.js`) as { default: string };
      return `/* @atlaskit/tokens ${name} */\n${mod.default}`;
    }).join('\n');
  }
  return cached;
}
