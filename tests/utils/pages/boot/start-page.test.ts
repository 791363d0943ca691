// @vitest-environment happy-dom
// @vitest-environment-options {"settings":{"handleDisabledFileLoadingAsSuccess":true}}
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { writeBootCopy, type CopiedNode } from '../../../../utils/pages/boot/boot-copy-store';
import { readFirstScreen } from '../../../../utils/data/first-screen';
import type { PageData } from '../../../../utils/data/page-data';
import { startPage } from '../../../../utils/pages/boot/start-page';
import { t } from '../../../../utils/lib/i18n';

// What the page loads beside its app: stand-ins, so no import is still loading when a test (or
// the file's environment) has ended. Only when the app is asked for matters here.
vi.mock('../../../../utils/data/db', () => ({ db: { open: () => Promise.resolve() } }));
const pageData = vi.hoisted(() => ({ readAhead: vi.fn(() => Promise.resolve(undefined)), keepReadAhead: vi.fn() }));
vi.mock('../../../../utils/data/page-data', () => pageData);
vi.mock('../../../../utils/data/first-screen', async (original) => {
  const { readFirstScreen } = await original<typeof import('../../../../utils/data/first-screen')>();
  return { readFirstScreen: vi.fn(readFirstScreen) };
});
vi.mock('../../../../utils/pages/boot/take-over', () => ({ takeOver: () => undefined }));
vi.mock('../../../../utils/pages/boot/page-lifecycle', () => ({ reloadOnUpgrade: () => undefined, requestPersistence: () => Promise.resolve() }));
// The settings in storage.local, as a page with no copy of them restores them.
const stored = vi.hoisted(() => ({ settings: {} as Record<string, unknown> }));
vi.mock('../../../../utils/settings/mirror', async (original) => ({ ...(await original<object>()), restoreMirror: () => Promise.resolve(stored.settings) }));

const ENTRY = 'chunks/newtab-abc123.js';

/** A new tab's document, with its entry script (whose address is the copy's version). */
function newTabDocument() {
  document.body.replaceChildren();
  const root = document.createElement('div');
  root.id = 'app';
  const script = document.createElement('script');
  script.type = 'module';
  script.setAttribute('src', ENTRY);
  document.body.append(root);
  document.head.replaceChildren(script);
}

function saveCopy() {
  const version = document.querySelector<HTMLScriptElement>('script[type="module"][src]')!.src;
  writeBootCopy('newtab', { version, nodes: [['ol', [], [['li', [['data-paper-id', '2606.00001'], ['data-read', 'false']], ['Copied']]]]] });
}

let frames: FrameRequestCallback[];
let visibility: DocumentVisibilityState;

beforeEach(() => {
  localStorage.clear();
  stored.settings = {};
  delete document.documentElement.dataset.theme;
  newTabDocument();
  frames = [];
  visibility = 'visible';
  vi.spyOn(window, 'requestAnimationFrame').mockImplementation((callback) => frames.push(callback));
  vi.spyOn(document, 'visibilityState', 'get').mockImplementation(() => visibility);
});

afterEach(async () => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  // A page started in a test imports its stand-ins asynchronously: they must have loaded before
  // the file's environment is torn down (a late import would load the real take-over then).
  await vi.dynamicImportSettled();
});

/** A page's app import that never settles: only when it is asked for matters here. */
const pendingApp = () => vi.fn(() => new Promise<never>(() => undefined));

describe('startPage', () => {
  it('paints the boot copy first and loads the app only once that paint is on screen', () => {
    let reportPaint: (() => void) | undefined;
    vi.stubGlobal(
      'PerformanceObserver',
      class {
        static supportedEntryTypes = ['paint'];
        constructor(callback: (list: { getEntriesByName(name: string): unknown[] }) => void) {
          reportPaint = () => callback({ getEntriesByName: (name) => (name === 'first-contentful-paint' ? [{ name }] : []) });
        }
        observe() {}
        disconnect() {}
      },
    );
    saveCopy();
    const loadApp = pendingApp();
    startPage('newtab', loadApp);
    expect(document.querySelector('[data-paper-id="2606.00001"]')?.textContent).toBe('Copied');
    // A frame rendered is not yet a frame on screen.
    frames.splice(0).forEach((frame) => frame(performance.now()));
    expect(loadApp).not.toHaveBeenCalled();
    reportPaint?.();
    expect(loadApp).toHaveBeenCalledTimes(1);
  });

  it('paints the boot copy first and, where the browser reports no paint timing, loads the app once that frame is out', async () => {
    vi.useFakeTimers();
    saveCopy();
    const loadApp = pendingApp();
    startPage('newtab', loadApp);
    expect(document.querySelector('[data-paper-id="2606.00001"]')?.textContent).toBe('Copied');
    expect(loadApp).not.toHaveBeenCalled();
    frames.splice(0).forEach((frame) => frame(performance.now()));
    // Not in the frame's own callbacks: after the frame, in a task of its own.
    expect(loadApp).not.toHaveBeenCalled();
    await vi.runAllTimersAsync();
    expect(loadApp).toHaveBeenCalledTimes(1);
  });

  it('loads the app at once with no copy to show', () => {
    const loadApp = pendingApp();
    startPage('newtab', loadApp);
    expect(loadApp).toHaveBeenCalledTimes(1);
    expect(frames).toHaveLength(0);
  });

  it("opens the database ahead, beside the app's load, only when there is no copy to show", () => {
    const open = vi.spyOn(indexedDB, 'open');
    startPage('newtab', pendingApp());
    expect(open).toHaveBeenCalledWith('paperboy');
    open.mockClear();
    newTabDocument();
    saveCopy();
    // No paint timing and no frame here: the app's load stays pending, not left for after the test.
    vi.stubGlobal('PerformanceObserver', undefined);
    startPage('newtab', pendingApp());
    expect(open).not.toHaveBeenCalled();
  });

  it("hands the first screen the entry script read to the app's first render, and leaves the read to the app when it read none", async () => {
    const prefs = { defaultView: 'hf-daily', liveFeeds: ['hf-daily'] };
    localStorage.setItem('paperboy:settings', JSON.stringify(prefs));
    const read = { view: 'hf-daily', papers: [] } as unknown as PageData;
    vi.mocked(readFirstScreen).mockClear().mockResolvedValueOnce(read);
    startPage('newtab', pendingApp());
    await expect.poll(() => pageData.keepReadAhead.mock.calls).toEqual([[read, undefined, prefs]]);
    expect(await vi.mocked(readFirstScreen).mock.calls[0]![1]).toEqual(prefs);
    expect(pageData.readAhead).not.toHaveBeenCalled();

    pageData.keepReadAhead.mockClear();
    newTabDocument();
    vi.mocked(readFirstScreen).mockResolvedValueOnce(undefined);
    startPage('newtab', pendingApp());
    await expect.poll(() => pageData.readAhead.mock.calls.length).toBe(1);
    expect(pageData.readAhead.mock.calls[0]).toEqual([expect.anything(), expect.any(Number), undefined, prefs]);
    expect(pageData.keepReadAhead).not.toHaveBeenCalled();
    pageData.readAhead.mockClear();
  });

  it("with no copy, shows the sketch of the entry script's read in place of the root and loads the app once it is on screen", async () => {
    vi.stubGlobal('PerformanceObserver', undefined);
    const prefs = { defaultView: 'hf-daily', liveFeeds: ['hf-daily'] };
    localStorage.setItem('paperboy:settings', JSON.stringify(prefs));
    const read = { view: 'hf-daily', papers: [] } as unknown as PageData;
    vi.mocked(readFirstScreen).mockResolvedValueOnce(read);
    const sketch = vi.fn(() => [['ol', [], [['li', [['data-paper-id', '2606.00001'], ['data-read', 'true']], ['Drawn']]]]] as CopiedNode[]);
    const loadApp = pendingApp();
    startPage('newtab', loadApp, { draw: sketch, title: 'newtab.title' });
    await expect.poll(() => document.querySelector('[data-paper-id]')?.textContent).toBe('Drawn');
    expect(document.title).toBe(t('newtab.title'));
    expect(sketch).toHaveBeenCalledWith(read, { settings: prefs, now: expect.any(Number), url: expect.any(Function) });
    expect(document.getElementById('app')).toBeNull();
    expect(loadApp).not.toHaveBeenCalled();
    // Its frame out, the app loads (and is handed the same read).
    frames.splice(0).forEach((frame) => frame(performance.now()));
    await expect.poll(() => loadApp.mock.calls.length).toBe(1);
    await expect.poll(() => pageData.keepReadAhead.mock.calls).toEqual([[read, undefined, prefs]]);
    pageData.keepReadAhead.mockClear();
  });

  it('draws the sketch in the theme of settings read from storage (no copy of them), and none for a new tab they want empty', async () => {
    vi.stubGlobal('PerformanceObserver', undefined);
    const read = { view: 'hf-daily', papers: [] } as unknown as PageData;
    const nodes: CopiedNode[] = [['p', [['data-paper-id', '2606.00001']], ['Drawn']]];
    stored.settings = { defaultView: 'hf-daily', liveFeeds: ['hf-daily'], theme: 'dark' };
    vi.mocked(readFirstScreen).mockResolvedValueOnce(read);
    const first = pendingApp();
    startPage('newtab', first, { draw: () => nodes, title: 'newtab.title' });
    await expect.poll(() => document.querySelector('[data-paper-id]')?.textContent).toBe('Drawn');
    // In the dark, before the app (which applies the settings it was handed) has even loaded.
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(first).not.toHaveBeenCalled();

    newTabDocument();
    stored.settings = { ...stored.settings, newTab: 'blank' };
    vi.mocked(readFirstScreen).mockResolvedValueOnce(read);
    const draw = vi.fn(() => nodes);
    const loadApp = pendingApp();
    startPage('newtab', loadApp, { draw, title: 'newtab.title' });
    await expect.poll(() => loadApp.mock.calls.length).toBe(1);
    expect(draw).not.toHaveBeenCalled();
    expect(document.querySelector('[data-paper-id]')).toBeNull();
    pageData.keepReadAhead.mockClear();
  });

  it('loads the app at once where the sketch draws nothing, fails, or has no read to draw from', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const read = { view: 'hf-daily', papers: [] } as unknown as PageData;
    const cases: [PageData | undefined, () => CopiedNode[] | undefined][] = [
      [read, () => undefined],
      [
        read,
        () => {
          throw new Error('no such message');
        },
      ],
      [undefined, () => [['p', [['data-paper-id', 'x']], []]]],
    ];
    for (const [data, draw] of cases) {
      newTabDocument();
      vi.mocked(readFirstScreen).mockResolvedValueOnce(data);
      const loadApp = pendingApp();
      startPage('newtab', loadApp, { draw: vi.fn(draw), title: 'newtab.title' });
      await expect.poll(() => loadApp.mock.calls.length).toBe(1);
      expect(document.getElementById('app')).not.toBeNull();
      expect(frames).toHaveLength(0);
    }
    expect(error).toHaveBeenCalledTimes(1);
    expect(error.mock.calls[0]![0]).toMatch(/first screen not drawn ahead/);
    error.mockRestore();
    pageData.keepReadAhead.mockClear();
    pageData.readAhead.mockClear();
  });

  it('loads the app at once in a hidden page, which gets no frames', () => {
    visibility = 'hidden';
    saveCopy();
    const loadApp = pendingApp();
    startPage('newtab', loadApp);
    expect(loadApp).toHaveBeenCalledTimes(1);
  });

  it('loads the app when a page hidden before its first frame is shown again, once', () => {
    saveCopy();
    const loadApp = pendingApp();
    startPage('newtab', loadApp);
    visibility = 'hidden';
    document.dispatchEvent(new Event('visibilitychange'));
    expect(loadApp).toHaveBeenCalledTimes(1);
    frames.splice(0).forEach((frame) => frame(performance.now()));
    document.dispatchEvent(new Event('visibilitychange'));
    expect(loadApp).toHaveBeenCalledTimes(1);
  });
});
