// Paperboy comes in two flavours built from the same code: the full one takes over the new tab
// (`chrome_url_overrides.newtab`), Lite does not (users who want their browser's own new tab, or
// who answered Chrome's "Change back?" prompt, which disables the whole extension). Pure, so
// wxt.config.ts reads it in Node while building the manifest.

/** `npm run build:lite` builds in mode `lite`; the e2e suite builds its Lite copy in `e2e-lite`. */
export const LITE_MODES = ['lite', 'e2e-lite'] as const;

/** Whether a WXT build mode makes the Lite flavour. */
export function isLiteMode(mode: string | undefined): boolean {
  return (LITE_MODES as readonly (string | undefined)[]).includes(mode);
}
