import { renderHook } from '@testing-library/preact';
import type { ComponentChildren } from 'preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Paper, PaperboyDb } from '../../utils/data/db';
import { applySync } from '../../utils/data/feed-store';
import { getSyncStatus } from '../../utils/data/sync-status';
import { PageDepsContext, type PageDeps } from '../../utils/pages/deps';
import { parseDailyPapers, type ParsedPaper } from '../../utils/sync/sources/hf';
import type { FeedId } from '../../utils/views/view-id';
import { recordedHfDay, type RecordedDay } from '../fixtures/recorded';
import { ORIGIN } from './harness';

/**
 * A hook rendered as a page renders it, but on the test's own database (`freshDb()` from
 * harness.ts), its own clock (`clock()`) and WXT's fakeBrowser.
 * The dependencies are made once per render, so they stay the same object across re-renders
 * (as the real ones do) and no effect re-runs just because the test rendered again.
 */
export function renderPageHook<Result, Props = undefined>(
  hook: (props: Props) => Result,
  { db, now, initialProps }: { db: PaperboyDb; now: () => number; initialProps?: Props },
) {
  // The fake implements the APIs Paperboy uses, not every namespace of the browser's type.
  const deps: PageDeps = { db, now, browser: fakeBrowser as unknown as PageDeps['browser'] };
  const wrapper = ({ children }: { children: ComponentChildren }) => <PageDepsContext.Provider value={deps}>{children}</PageDepsContext.Provider>;
  return renderHook(hook, { wrapper, initialProps });
}

/** The papers of one recorded HF day, through the real parser. */
export function recordedPapers(day: RecordedDay = '2026-06-12'): ParsedPaper[] {
  const parsed = parseDailyPapers(recordedHfDay(day), ORIGIN);
  if (!parsed.ok) throw new Error(`recorded day ${day} does not parse: ${parsed.reason}`);
  return parsed.papers;
}

/** The recorded papers as stored rows (what the search index holds). */
export function recordedRows(day: RecordedDay = '2026-06-12', firstSeenAt = 0): Paper[] {
  return recordedPapers(day).map((paper) => ({ ...paper, source: 'hf', firstSeenAt }));
}

/** Stores a successful sync of these feeds, each listing `papers`, the way the background does. */
export async function seedFeeds(db: PaperboyDb, feeds: readonly FeedId[], papers: ParsedPaper[], now: number): Promise<void> {
  const before = await getSyncStatus(db);
  await applySync(
    db,
    feeds.map((feed) => ({ feed, papers, skipped: 0 })),
    { ...before, lastAttemptAt: now, lastSuccessAt: now },
    now,
  );
}
