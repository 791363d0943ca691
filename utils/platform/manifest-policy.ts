// Everything the manifest says about privilege, in one reviewed place. wxt.config.ts builds the
// manifest from it (so it must stay free of `browser.*`: the config runs in Node), and the code
// that gates URLs and asks for permissions reads the same values. A change here shows up in the
// manifest snapshot (tests/manifest.test.ts) and must be matched in the README's table.

import type { Browser } from 'wxt/browser';

/** Granted at install. None of them shows a warning in Chrome. */
export const REQUIRED_PERMISSIONS = ['storage', 'alarms', 'unlimitedStorage'] as const satisfies readonly Browser.runtime.ManifestPermission[];

/**
 * The permissions a build holds from install. The e2e build (modes `e2e`, `e2e-lite`) also holds
 * `notifications`: headless Chromium cannot show the prompt that asking for it opens (an
 * unanswered prompt leaves `permissions.request` pending), so there the switch's request
 * resolves at once and the real request-from-a-click path still runs. No shipped build does
 * (tests/manifest.test.ts).
 */
export function permissionsAtInstall(mode: string): Browser.runtime.ManifestPermission[] {
  return mode.startsWith('e2e') ? [...REQUIRED_PERMISSIONS, 'notifications'] : [...REQUIRED_PERMISSIONS];
}

/** The only hosts images may load from: Hugging Face's CDNs and the site itself. */
export const IMAGE_HOSTS = [
  'cdn-thumbnails.huggingface.co',
  'cdn-avatars.huggingface.co',
  'cdn-uploads.huggingface.co',
  'huggingface.co',
] as const;

export interface OptionalFeature {
  /** API permissions (`optional_permissions`). */
  permissions?: readonly Browser.runtime.ManifestPermission[];
  /** Host match patterns (`optional_host_permissions`). */
  origins?: readonly string[];
}

/**
 * What Paperboy may ask for later, never at install: each is requested from the click that
 * needs it (utils/permissions.ts). Adding one here never disables an installed extension;
 * adding a required permission with a warning would.
 */
export function optionalFeatures(arxivOrigin: string, target: string, readSites: readonly string[] = []) {
  return {
    // What the user loses by saying no to each: utils/platform/permissions.ts, in the messages' language.
    arxiv: { origins: [hostPattern(arxivOrigin, target)] },
    notifications: { permissions: ['notifications'] },
    // Read detection: seeing the address of a tab on these sites (Hugging Face's is granted for the
    // sync already), and nothing else of any page.
    readDetection: { origins: [...new Set(readSites.map((origin) => hostPattern(origin, target)))] },
  } as const satisfies Record<string, OptionalFeature>;
}

export type OptionalFeatureName = keyof ReturnType<typeof optionalFeatures>;

/**
 * The match pattern that covers one origin in `target` (WXT's browser name: `import.meta.env.BROWSER`
 * at run time, the manifest callback's `browser` at build time), so the manifest and the runtime
 * permission checks use the same string. Firefox matches nothing with a pattern that names a port
 * (the permission still reads as granted, but every response is blocked as cross-origin), while a
 * pattern without one matches every port of the host; Chrome matches ports exactly. The port
 * stays in the CSP's connect-src either way, so the pages still reach only that one port.
 * https://bugzilla.mozilla.org/show_bug.cgi?id=1362809,
 * https://developer.mozilla.org/docs/Mozilla/Add-ons/WebExtensions/Match_patterns#host
 */
export function hostPattern(origin: string, target: string): string {
  const url = new URL(origin);
  return target === 'firefox' ? `${url.protocol}//${url.hostname}/*` : `${url.origin}/*`;
}

/** The manifest keys for every optional feature. */
export function optionalManifestKeys(arxivOrigin: string, target: string, readSites: readonly string[] = []): { optional_permissions: string[]; optional_host_permissions: string[] } {
  const features: readonly OptionalFeature[] = Object.values(optionalFeatures(arxivOrigin, target, readSites));
  return {
    optional_permissions: [...new Set(features.flatMap((feature) => feature.permissions ?? []))],
    optional_host_permissions: [...new Set(features.flatMap((feature) => feature.origins ?? []))],
  };
}

/**
 * The content security policy of every extension page and the worker. `dev` loosens exactly
 * what Vite's dev server needs (its HMR socket, the stylesheets it serves and the `<style>` tags
 * it injects); WXT adds the dev server's script origin itself. No production build has either.
 */
export function extensionPagesCsp({ hfOrigin, arxivOrigin, dev = false }: { hfOrigin: string; arxivOrigin: string; dev?: boolean }): string {
  const directives: [string, string[]][] = [
    ['default-src', ["'self'"]],
    ['script-src', ["'self'"]],
    ['object-src', ["'none'"]],
    // 'self' for the bundled snapshot the worker fetches from the package.
    ['connect-src', ["'self'", hfOrigin, arxivOrigin, ...(dev ? ['http://localhost:*', 'ws://localhost:*'] : [])]],
    ['img-src', ["'self'", ...IMAGE_HOSTS.map((host) => `https://${host}`)]],
    ['style-src', ["'self'", ...(dev ? ["'unsafe-inline'", 'http://localhost:*'] : [])]],
    ['base-uri', ["'none'"]],
    ['form-action', ["'none'"]],
    ['frame-ancestors', ["'none'"]],
  ];
  return directives.map(([name, sources]) => `${name} ${[...new Set(sources)].join(' ')}`).join('; ');
}
