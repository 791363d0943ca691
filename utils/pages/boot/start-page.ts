import type { ComponentType } from 'preact';
import { applyTheme, readMirror } from '../../settings/mirror';
import { isBlankTab, showBlankTab } from './blank-tab';
import { showBootCopy } from './boot-copy';

/**
 * Starts a Paperboy page: puts it in the user's theme and paints the first screen as the last
 * visit left it (before Preact, Dexie or the app load), then loads the app, which takes over.
 * `loadApp` is the page's own dynamic import, so each page's app stays in its own chunk. A new
 * tab the user wants empty stops at the theme.
 */
export function startPage(page: string, loadApp: () => Promise<{ App: ComponentType }>): void {
  const root = document.getElementById('app')!;
  const settings = readMirror();
  applyTheme(settings.theme);
  if (isBlankTab(page, settings, location.search)) return showBlankTab(root, settings.defaultView);
  // The entry script's file name carries a hash of the page's code (its imports' names included):
  // a copy saved by another build is never shown.
  const version = document.querySelector<HTMLScriptElement>('script[type="module"][src]')?.src ?? '';
  const boot = showBootCopy(page, version, root);
  // The database opens while the app's code still loads and compiles: the first query finds it
  // open (with no copy to show, 25 to 40 ms sooner to the first paper at 10,000 papers).
  const database = import('../../data/db').then((module) => {
    module.db.open().catch(() => undefined); // a failure shows in the page's first query
    return module;
  });
  void Promise.all([loadApp(), import('./take-over'), import('./page-lifecycle'), database]).then(
    ([{ App }, { takeOver }, { reloadOnUpgrade, requestPersistence }, { db }]) => {
      // An updated extension's new schema must not wait for this page: it reloads instead.
      reloadOnUpgrade(db);
      takeOver(App, { root, boot, page, version });
      void requestPersistence().catch(() => undefined);
    },
  );
}
