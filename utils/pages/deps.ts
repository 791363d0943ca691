import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { db, type PaperboyDb } from '../data/db';

/**
 * What a page's hooks and actions reach outside themselves for: the database, the clock, the
 * browser's extension API. The pages run on the real ones; a test renders the same hooks with
 * its own (a fresh fake-indexeddb database, a fixed clock, WXT's fakeBrowser) through
 * `<PageDepsContext.Provider>`.
 */
export interface PageDeps {
  db: PaperboyDb;
  now: () => number;
  browser: typeof browser;
}

export const PAGE_DEPS: PageDeps = { db, now: () => Date.now(), browser };

export const PageDepsContext = createContext<PageDeps>(PAGE_DEPS);

/** The page's dependencies (the real ones unless a provider says otherwise). */
export function usePageDeps(): PageDeps {
  return useContext(PageDepsContext);
}
