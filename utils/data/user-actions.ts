import { browser } from 'wxt/browser';
import { refreshBadge } from '../platform/badge';
import { clearBootSnapshots } from '../pages/boot-copy';
import { db } from './db';
import { markRead, toggleRead } from './papers';

// Every change of user state forgets the pages' boot copies (utils/boot-cache.ts), so no page
// boots showing a read flag the user has since changed.

/**
 * Marks a paper read, brings the badge up to date, then opens it in a new tab. The write comes
 * first: opening a tab closes the popup, and with it any write still in flight.
 */
export async function openPaper(id: string, url: string, background = false): Promise<void> {
  await markRead(db, [id], Date.now());
  clearBootSnapshots();
  await refreshBadge(db);
  await browser.tabs.create({ url, active: !background });
}

/** Flips a paper's read flag and brings the badge up to date. */
export async function toggleReadAndBadge(id: string): Promise<void> {
  await toggleRead(db, id, Date.now());
  clearBootSnapshots();
  await refreshBadge(db);
}

/** Marks every paper in a view read. */
export async function markAllReadAndBadge(ids: string[]): Promise<void> {
  await markRead(db, ids, Date.now());
  clearBootSnapshots();
  await refreshBadge(db);
}
