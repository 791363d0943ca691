// @vitest-environment happy-dom
import { renderHook, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { useDensity } from '../../../utils/pages/use-density';
import { DEFAULTS } from '../../../utils/settings/defaults';
import { MIRROR_KEY, readMirror, restoreMirror } from '../../../utils/settings/mirror';

// The settings' copy in localStorage, restored by a page's entry script when there is none (a
// first visit), so the app's first render is drawn in the user's layout.

afterEach(() => localStorage.clear());

describe('restoreMirror', () => {
  it('reads the stored settings from storage.local, fills the rest with the defaults, and keeps them as the copy', async () => {
    await fakeBrowser.storage.local.set({ density: 'list', theme: 'dark', defaultView: 'hf-daily', unrelated: 1 });
    const copy = await restoreMirror(fakeBrowser.storage.local as never);
    expect(copy).toEqual({ ...DEFAULTS, density: 'list', theme: 'dark', defaultView: 'hf-daily' });
    expect(readMirror()).toEqual(copy);
    expect(JSON.parse(localStorage.getItem(MIRROR_KEY)!)).not.toHaveProperty('unrelated');
  });

  it('gives the defaults when nothing is stored, and nothing when storage.local cannot be read', async () => {
    expect(await restoreMirror(fakeBrowser.storage.local as never)).toEqual(DEFAULTS);
    localStorage.clear();
    const broken = { get: () => Promise.reject(new Error('no storage here')) };
    expect(await restoreMirror(broken)).toEqual({});
    expect(localStorage.getItem(MIRROR_KEY)).toBeNull();
  });
});

describe('useDensity', () => {
  it('starts from the copy: the first render already knows the layout', async () => {
    localStorage.setItem(MIRROR_KEY, JSON.stringify({ ...DEFAULTS, density: 'list' }));
    await fakeBrowser.storage.local.set({ density: 'list' });
    const { result } = renderHook(() => useDensity());
    expect(result.current[0]).toBe('list');
  });

  it('without a copy, is unknown until storage.local answers (no papers drawn in a layout that would jump)', async () => {
    await fakeBrowser.storage.local.set({ density: 'list' });
    const { result } = renderHook(() => useDensity());
    expect(result.current[0]).toBeUndefined();
    await waitFor(() => expect(result.current[0]).toBe('list'));
  });
});
