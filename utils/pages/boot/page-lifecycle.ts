import type Dexie from 'dexie';

export type Persistence = 'persisted' | 'granted' | 'denied' | 'unsupported';

/**
 * Asks the browser to keep Paperboy's storage under pressure, so read flags are never evicted
 * with a cache. `unlimitedStorage` in the manifest already exempts it in Chrome; `persist()` is
 * the web's own way, for every browser. Only pages can ask: workers have no `persist()`.
 */
export async function requestPersistence(storage: StorageManager | undefined = globalThis.navigator?.storage): Promise<Persistence> {
  if (!storage?.persist || !storage.persisted) return 'unsupported';
  if (await storage.persisted()) return 'persisted';
  return (await storage.persist()) ? 'granted' : 'denied';
}

/**
 * Steps aside when a newer Paperboy opens the database with a new schema: this page closes its
 * connection (or the upgrade would wait for it) and reloads, so it runs the new code.
 * https://dexie.org/docs/Dexie/Dexie.on.versionchange
 */
export function reloadOnUpgrade(db: Dexie, reload: () => void = () => location.reload()): void {
  db.on('versionchange', () => {
    // Closed for good: left to itself Dexie would reopen at the old version and fail.
    db.close();
    reload();
  });
}
