import { browser, type Browser } from 'wxt/browser';
import { ARXIV_ORIGIN, READ_SITE_ORIGINS } from './config';
import { hostPattern, optionalFeatures, type OptionalFeature, type OptionalFeatureName } from './manifest-policy';
import { t } from '../lib/i18n';

const OPTIONAL_FEATURES = optionalFeatures(ARXIV_ORIGIN, import.meta.env.BROWSER, [...READ_SITE_ORIGINS.arxiv, ...READ_SITE_ORIGINS.alphaxiv]);

/** What the user loses by saying no to each optional feature, in the messages' language. */
const PURPOSES: Record<OptionalFeatureName, () => string> = {
  arxiv: () => t('permission.arxivPurpose', [new URL(ARXIV_ORIGIN).host]),
  notifications: () => t('permission.notifyPurpose'),
  readDetection: () => t('permission.readPurpose'),
};

export type PermissionOutcome = { granted: true } | { granted: false; message: string };

/**
 * Asks for an optional feature's permissions (the arXiv feed). Call it straight from
 * the click or key handler that needs them, before any `await`: browsers show the prompt only
 * during a user gesture, and an `await` ends it (Firefox strictly). Already granted: resolves
 * at once without a prompt. Never rejects; a refusal comes back with the words to show.
 */
export function requestOptional(name: OptionalFeatureName): Promise<PermissionOutcome> {
  const feature: OptionalFeature = OPTIONAL_FEATURES[name];
  return request(permissionsOf(feature), PURPOSES[name]());
}

/** Whether an optional feature's permissions are granted now (no prompt, no gesture needed). */
export async function hasOptional(name: OptionalFeatureName): Promise<boolean> {
  return browser.permissions.contains(permissionsOf(OPTIONAL_FEATURES[name]));
}

/**
 * Makes sure Paperboy may reach its paper source. Granted at install, but the user can withdraw
 * it (Firefox: the add-on's Permissions tab; Chrome: "Site access"). Same gesture rule as
 * `requestOptional`. Without a gesture (a programmatic call) it only checks.
 */
export async function requestHostAccess(origin: string): Promise<PermissionOutcome> {
  const permissions = { origins: [hostPattern(origin, import.meta.env.BROWSER)] };
  const purpose = t('permission.purpose', [new URL(origin).host]);
  const outcome = await request(permissions, purpose);
  if (outcome.granted) return outcome;
  const held = await browser.permissions.contains(permissions).catch(() => false);
  return held ? { granted: true } : outcome;
}

/** Whether Paperboy may reach an origin right now. */
export async function hasHostAccess(origin: string): Promise<boolean> {
  return browser.permissions.contains({ origins: [hostPattern(origin, import.meta.env.BROWSER)] });
}

// Not async on purpose up to the request: the call must happen in the caller's gesture.
function request(permissions: Browser.permissions.Permissions, purpose: string): Promise<PermissionOutcome> {
  let asked: Promise<boolean>;
  try {
    asked = browser.permissions.request(permissions);
  } catch (error) {
    return Promise.resolve(failed(purpose, error));
  }
  return asked.then(
    (granted): PermissionOutcome =>
      granted ? { granted: true } : { granted: false, message: t('permission.denied', [purpose]) },
    (error: unknown) => failed(purpose, error),
  );
}

function failed(purpose: string, error: unknown): PermissionOutcome {
  const reason = error instanceof Error && error.message ? error.message : String(error);
  return { granted: false, message: t('permission.failed', [purpose, reason]) };
}

function permissionsOf({ permissions, origins }: OptionalFeature): Browser.permissions.Permissions {
  return { ...(permissions && { permissions: [...permissions] }), ...(origins && { origins: [...origins] }) };
}
