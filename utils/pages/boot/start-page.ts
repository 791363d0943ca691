import type { ComponentType } from 'preact';
import { DB_NAME } from '../../data/db-name';
import { readFirstScreen } from '../../data/first-screen';
import type { PageData, ViewPrefs } from '../../data/page-data';
import { afterFirstContentfulPaint } from '../../lib/after-first-frame';
import { applyTheme, readMirror, restoreMirror } from '../../settings/mirror';
import { isBlankTab, showBlankTab } from './blank-tab';
import { localiseDocument, type MessageKey } from '../../lib/i18n';
import { showBootCopy, showCopy, type BootScreen } from './boot-copy';
import type { CopiedNode } from './boot-copy-store';
import type { SketchContext } from './sketch-parts';

/**
 * Starts a Paperboy page: puts it in the user's theme and paints the first screen as the last
 * visit left it (before Preact, Dexie or the app load), then loads the app, which takes over.
 * `loadApp` is the page's own dynamic import, so each page's app stays in its own chunk. A new
 * tab the user wants empty stops at the theme. `sketch`, where a page has one, draws its first
 * screen from the entry script's read when there is no copy to show (popup-sketch.ts, newtab-sketch.ts).
 */
export function startPage(page: string, loadApp: () => Promise<{ App: ComponentType }>, sketch?: PageSketch): void {
  const root = document.getElementById('app')!;
  const settings = readMirror();
  applyTheme(settings.theme);
  if (isBlankTab(page, settings, location.search)) return showBlankTab(root, settings.defaultView);
  // No copy of the settings (a first visit): they are read while the app's code loads.
  const restored = Object.keys(settings).length === 0 ? restoreMirror() : undefined;
  // The entry script's file name carries a hash of the page's code (its imports' names included):
  // a copy saved by another build is never shown.
  const version = document.querySelector<HTMLScriptElement>('script[type="module"][src]')?.src ?? '';
  const boot = showBootCopy(page, version, root);
  // With nothing to show (and the plain address: no view or search asked for), the first screen's
  // read is on the way to the first paper: it starts now, with the browser's own IndexedDB, while
  // the app's code (Dexie in it) loads.
  const firstScreen = boot || location.search !== '' ? undefined : readFirstScreen(DB_NAME, (restored ?? Promise.resolve(settings)).then(viewPrefs));
  const live: LivePage = { page, loadApp, root, boot, version, settings, restored, firstScreen };
  // The app's code, loaded and evaluated before the copy is on screen, holds the copy back (the
  // chunks' loads, the database's opening and the app's evaluation share two cores with the
  // frame's raster and presentation): it starts once the copy's first paint is presented. New tab,
  // repeat visits, one run alternating with the previous wait (after the frame was rendered), 21
  // loads each: 308 → 260 ms to the first paper at 10,000 papers (static 236), 252 → 204 ms at
  // 100,000 (static 192); the popup's did not move.
  if (boot) afterFirstContentfulPaint(() => loadLivePage(live));
  else if (sketch && firstScreen) void showSketch(live, sketch, firstScreen);
  else loadLivePage(live);
}

/** A page's first screen drawn from its data (the boot copy's nodes; undefined where the app must draw it), and the page's title. */
export interface PageSketch {
  draw: (data: PageData, context: SketchContext) => CopiedNode[] | undefined;
  title: MessageKey;
}

/**
 * With no copy to show, the first screen drawn from the entry script's read, shown as a copy, the
 * app loading once it is on screen (as after a copy). Where there is nothing to draw, or drawing
 * fails, the app loads at once (after the read: the cost of a sketch that draws nothing).
 */
async function showSketch(live: LivePage, sketch: PageSketch, firstScreen: Promise<PageData | undefined>): Promise<void> {
  try {
    const [data, settings] = await Promise.all([firstScreen, live.restored ?? live.settings]);
    // Settings read just now (no copy of them at the start) may ask for an empty new tab (the app
    // shows it), and for another theme than the one applied: the first screen is drawn in it.
    const nodes = data && !isBlankTab(live.page, settings, location.search) ? sketch.draw(data, { settings, now: Date.now(), url: extensionUrl }) : undefined;
    if (nodes) {
      applyTheme(settings.theme);
      localiseDocument(sketch.title);
      live.boot = showCopy(nodes, live.root);
      afterFirstContentfulPaint(() => loadLivePage(live));
      return;
    }
  } catch (error) {
    console.error('Paperboy: first screen not drawn ahead', error);
  }
  loadLivePage(live);
}

/** `runtime.getURL`, with the browser's own API (no polyfill in the entry script). */
function extensionUrl(path: string): string {
  const api = globalThis as { browser?: { runtime?: { getURL(path: string): string } }; chrome?: { runtime?: { getURL(path: string): string } } };
  return (api.browser?.runtime ?? api.chrome?.runtime)?.getURL(path) ?? path;
}

interface LivePage {
  page: string;
  loadApp: () => Promise<{ App: ComponentType }>;
  root: HTMLElement;
  /** The copy on screen, if there was one to show. */
  boot: BootScreen | undefined;
  version: string;
  /** The settings' copy read at the start (`{}` on a first visit)… */
  settings: Record<string, unknown>;
  /** …and, when there was none, the settings read from `storage.local`. */
  restored: Promise<Record<string, unknown>> | undefined;
  /** The first screen the entry script reads, with no copy to show; undefined: nothing is read ahead. */
  firstScreen: Promise<PageData | undefined> | undefined;
}

/** Loads the app (and, with no copy on screen, the first screen's data beside it), which then takes over from the copy. */
function loadLivePage({ page, loadApp, root, boot, version, settings, restored, firstScreen }: LivePage): void {
  // The database opens while the app's code still loads and compiles: the first query finds it
  // open (with no copy to show, 25 to 40 ms sooner to the first paper at 10,000 papers). With no
  // copy, the first screen is read too, so the app's first render draws the papers.
  const database = import('../../data/db').then((module) => {
    module.db.open().catch(() => undefined); // a failure shows in the page's first query
    return module;
  });
  // The entry script's read, or where it read nothing (another default view), Dexie's.
  const ahead =
    firstScreen &&
    Promise.all([database, import('../../data/page-data'), restored, firstScreen]).then(([{ db }, { readAhead, keepReadAhead }, fresh, read]) => {
      const prefs = viewPrefs(fresh ?? settings);
      if (prefs && read) keepReadAhead(read, undefined, prefs);
      else return prefs && readAhead(db, Date.now(), undefined, prefs);
    }, () => undefined); // a chunk that failed to load fails the app's own import below
  void Promise.all([loadApp(), import('./take-over'), import('./page-lifecycle'), database, restored, ahead]).then(
    ([{ App }, { takeOver }, { reloadOnUpgrade, requestPersistence }, { db }, fresh]) => {
      if (fresh) {
        applyTheme(fresh.theme);
        if (isBlankTab(page, fresh, location.search)) {
          boot?.handOver();
          return showBlankTab(root, fresh.defaultView);
        }
      }
      // An updated extension's new schema must not wait for this page: it reloads instead.
      reloadOnUpgrade(db);
      takeOver(App, { root, boot, page, version });
      void requestPersistence().catch(() => undefined);
    },
  );
}

/** The settings that pick a page's default view, from the settings' copy (unchecked: a copy that does not fit reads nothing ahead). */
function viewPrefs(mirror: Record<string, unknown>): ViewPrefs | undefined {
  const { defaultView, liveFeeds } = mirror;
  if (typeof defaultView !== 'string' || !Array.isArray(liveFeeds)) return undefined;
  return { defaultView, liveFeeds } as ViewPrefs;
}
