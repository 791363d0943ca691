import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

export type PermissionAnswer = 'allow' | 'deny';
type Request = { permissions?: string[]; origins?: string[] };

/**
 * The browser's permission store and the user at the prompt. WXT's fake browser leaves the
 * permissions API unimplemented. Like Chrome and Firefox, `request` outside a user gesture
 * throws before looking at anything.
 */
export function fakePermissions({ held = [] as string[], answer = 'allow' as PermissionAnswer, gesture = true } = {}) {
  const granted = new Set(held);
  const asked: Request[] = [];
  const keys = (p: Request) => [...(p.permissions ?? []), ...(p.origins ?? [])];
  vi.spyOn(fakeBrowser.permissions, 'request').mockImplementation((p: Request) => {
    asked.push(p);
    if (!gesture) throw new Error('This function must be called during a user gesture');
    if (keys(p).every((key) => granted.has(key))) return Promise.resolve(true);
    if (answer === 'deny') return Promise.resolve(false);
    keys(p).forEach((key) => granted.add(key));
    return Promise.resolve(true);
  });
  vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation((p: Request) =>
    Promise.resolve(keys(p).every((key) => granted.has(key))),
  );
  vi.spyOn(fakeBrowser.permissions, 'remove').mockImplementation((p: Request) =>
    Promise.resolve(keys(p).map((key) => granted.delete(key)).every(Boolean)),
  );
  return { granted, asked };
}
