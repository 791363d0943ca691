import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARXIV_ORIGIN } from '../../../utils/platform/config';
import { optionalFeatures, type OptionalFeatureName } from '../../../utils/platform/manifest-policy';
import { hasHostAccess, hasOptional, requestHostAccess, requestOptional } from '../../../utils/platform/permissions';
import { fakePermissions } from '../../support/fake-permissions';

describe('requestOptional', () => {
  it('asks for the arXiv host from within the caller’s gesture, and it is held afterwards', async () => {
    const browserSide = fakePermissions();
    const outcome = requestOptional('arxiv');
    // Before any await: the prompt must be requested synchronously, inside the click handler.
    expect(browserSide.asked).toEqual([{ origins: ['https://export.arxiv.org/*'] }]);
    await expect(outcome).resolves.toEqual({ granted: true });
    await expect(hasOptional('arxiv')).resolves.toBe(true);
  });

  it('says what the user loses when they decline', async () => {
    fakePermissions({ answer: 'deny' });
    const outcome = await requestOptional('arxiv');
    expect(outcome).toEqual({
      granted: false,
      message: 'Permission not given, so Paperboy cannot fetch the arXiv feed from export.arxiv.org. Try again to be asked once more.',
    });
    await expect(hasOptional('arxiv')).resolves.toBe(false);
  });

  it('resolves with the browser’s reason instead of rejecting when called outside a gesture', async () => {
    fakePermissions({ gesture: false });
    await expect(requestOptional('arxiv')).resolves.toEqual({
      granted: false,
      message: 'Paperboy could not ask for permission to fetch the arXiv feed from export.arxiv.org (This function must be called during a user gesture).',
    });
  });

  it('does not prompt again for what is already held', async () => {
    fakePermissions({ held: ['https://export.arxiv.org/*'], answer: 'deny' });
    await expect(requestOptional('arxiv')).resolves.toEqual({ granted: true });
  });

  // What each feature asks the browser for, against the manifests as shipped: the committed
  // snapshots, which tests/manifest.test.ts holds equal to a real build. Not against the module
  // the manifest and the requests are both made from, where they could never disagree.
  it.each(['chrome', 'firefox'])('asks only for what the shipped %s manifest declares as optional (the browser refuses anything else)', async (browser) => {
    const shipped = JSON.parse(readFileSync(resolve(import.meta.dirname, `../../snapshots/manifest.${browser}-mv3.json`), 'utf8')) as {
      optional_permissions?: string[];
      optional_host_permissions?: string[];
    };
    const browserSide = fakePermissions();
    const names = Object.keys(optionalFeatures(ARXIV_ORIGIN, import.meta.env.BROWSER)) as OptionalFeatureName[];
    for (const name of names) await expect(requestOptional(name)).resolves.toEqual({ granted: true });
    expect(browserSide.asked).toHaveLength(names.length);
    for (const { permissions = [], origins = [] } of browserSide.asked) {
      for (const permission of permissions) expect(shipped.optional_permissions).toContain(permission);
      for (const origin of origins) expect(shipped.optional_host_permissions).toContain(origin);
    }
  });
});

describe('requestHostAccess', () => {
  const origin = 'https://huggingface.co';

  it('is granted at once when the install-time permission is still held', async () => {
    fakePermissions({ held: ['https://huggingface.co/*'], answer: 'deny' });
    await expect(requestHostAccess(origin)).resolves.toEqual({ granted: true });
  });

  it('asks again, inside the gesture, when the user withdrew it', async () => {
    const browserSide = fakePermissions();
    const outcome = requestHostAccess(origin);
    expect(browserSide.asked).toEqual([{ origins: ['https://huggingface.co/*'] }]);
    await expect(outcome).resolves.toEqual({ granted: true });
    await expect(hasHostAccess(origin)).resolves.toBe(true);
  });

  it('explains a refusal in words that name the site', async () => {
    fakePermissions({ answer: 'deny' });
    await expect(requestHostAccess(origin)).resolves.toEqual({
      granted: false,
      message: 'Permission not given, so Paperboy cannot fetch papers from huggingface.co. Try again to be asked once more.',
    });
  });

  it('only checks when it cannot prompt (no gesture)', async () => {
    fakePermissions({ held: ['http://127.0.0.1:41751/*'], gesture: false });
    await expect(requestHostAccess('http://127.0.0.1:41751')).resolves.toEqual({ granted: true });
    fakePermissions({ gesture: false });
    const outcome = await requestHostAccess(origin);
    expect(outcome.granted).toBe(false);
  });
});
