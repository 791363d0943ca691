import { browser } from 'wxt/browser';
import { refreshBadge } from './badge';
import { db } from './db';
import { markRead, toggleRead } from './papers';

/**
 * Marks a paper read, brings the badge up to date, then opens it in a new tab. The write comes
 * first: opening a tab closes the popup, and with it any write still in flight.
 */
export async function openPaper(id: string, url: string, background = false): Promise<void> {
  await markRead(db, [id], Date.now());
  await refreshBadge(db);
  await browser.tabs.create({ url, active: !background });
}

/** Flips a paper's read flag and brings the badge up to date. */
export async function toggleReadAndBadge(id: string): Promise<void> {
  await toggleRead(db, id, Date.now());
  await refreshBadge(db);
}

/** Marks every paper in a view read. */
export async function markAllReadAndBadge(ids: string[]): Promise<void> {
  await markRead(db, ids, Date.now());
  await refreshBadge(db);
}
