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
  void Promise.all([loadApp(), import('./take-over'), import('./page-lifecycle'), import('../../data/db')]).then(
    ([{ App }, { takeOver }, { reloadOnUpgrade, requestPersistence }, { db }]) => {
      // An updated extension's new schema must not wait for this page: it reloads instead.
      reloadOnUpgrade(db);
      takeOver(App, { root, boot, page, version });
      void requestPersistence().catch(() => undefined);
    },
  );
}
