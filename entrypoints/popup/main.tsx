import '../../assets/paperboy.css';
import { showBootSnapshot } from '../../utils/boot-cache';

const page = 'popup';
const root = document.getElementById('app')!;
// The entry script's file name carries a hash of the page's code (its imports' names included): a
// copy saved by another build is never shown. (WXT rewrites `import.meta.url` to the page's URL.)
const version = document.querySelector<HTMLScriptElement>('script[type="module"][src]')?.src ?? '';
// The first screen as the last visit left it, painted before Preact, Dexie or the app load.
const boot = showBootSnapshot(page, version, root);
void Promise.all([
  import('./App'),
  import('../../utils/take-over'),
  import('../../utils/page-lifecycle'),
  import('../../utils/db'),
]).then(([{ App }, { takeOver }, { reloadOnUpgrade, requestPersistence }, { db }]) => {
  // An updated extension's new schema must not wait for this page: it reloads instead.
  reloadOnUpgrade(db);
  takeOver(App, { root, boot, page, version });
  void requestPersistence().catch(() => undefined);
});
