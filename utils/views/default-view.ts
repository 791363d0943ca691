import type { ViewId } from './view-id';

// The part of the view ids (view-id.ts, which re-exports it) that picks the view a page opens on.
// Apart so that a page's entry script can read its first screen (utils/data/first-screen.ts)
// without the rest: names, parsing and the messages they need.

/** The Hugging Face lists the background syncs; their unread papers are what the badge counts. */
export const LIVE_FEEDS = ['hf-trending', 'hf-daily'] as const;
export type LiveFeed = (typeof LIVE_FEEDS)[number];

/** The snapshot of trending papers shipped with the extension: the first-run fallback. */
export const BUNDLED_FEED = 'bundled';
export type BundledFeed = typeof BUNDLED_FEED;

export function isLiveFeed(view: unknown): view is LiveFeed {
  return (LIVE_FEEDS as readonly unknown[]).includes(view);
}

/** Papers per fixed feed, as far as choosing the default view and the tabs goes. */
export type FeedSizes = Record<LiveFeed | BundledFeed, number>;

/** The feeds `FeedSizes` counts, in its order. */
export const SIZED_FEEDS = [...LIVE_FEEDS, BUNDLED_FEED] as const;

/** `FeedSizes` from each of `SIZED_FEEDS`' counts, in that order. */
export const feedSizesOf = (counts: readonly number[]): FeedSizes => Object.fromEntries(SIZED_FEEDS.map((feed, i) => [feed, counts[i] ?? 0])) as FeedSizes;

/**
 * The view a page opens on: the user's choice (the `default-view` setting); a live feed they
 * keep once it holds papers (theirs first); the bundled snapshot until one does.
 */
export function defaultView(sizes: FeedSizes, preferred: ViewId = LIVE_FEEDS[0], kept: readonly LiveFeed[] = LIVE_FEEDS): ViewId {
  if (!isLiveFeed(preferred) && preferred !== BUNDLED_FEED) return preferred;
  const live = [preferred, ...kept].filter((feed): feed is LiveFeed => isLiveFeed(feed) && kept.includes(feed));
  return live.find((feed) => sizes[feed] > 0) ?? BUNDLED_FEED;
}
