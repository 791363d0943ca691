/**
 * Opens the database with the browser's own IndexedDB and closes it again at once, from a page's
 * entry script on a visit with no boot copy: the browser then has the database's files open (it
 * keeps them open a moment after the last connection closes) by the time Dexie, in the app's
 * code still loading, opens it for the first screen's read. No library: the entry script stays
 * small. A database that does not exist yet (a first install) is not created: the creation is
 * aborted, and Dexie creates it with its schema as always. Never throws; a failure is left for
 * the app's own open to meet and show.
 */
export function warmOpen(name: string, factory: IDBFactory | undefined = globalThis.indexedDB): void {
  try {
    const request = factory?.open(name);
    if (!request) return;
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onsuccess = () => request.result.close();
    // The aborted creation (and any other failure) is expected: not an error for the console.
    request.onerror = (event) => event.preventDefault();
  } catch {
    // IndexedDB unavailable here: the app's open reports it.
  }
}
