// How many papers a first screen draws whole, computed once per page in the entry script's own
// chunk: the first screen the entry draws (utils/pages/boot/popup-sketch.ts, newtab-sketch.ts) and
// the app's first render cut at the same paper.

/** About how many rows (the popup's, the new tab's list layout) fill the window: rows are at least 40 px tall. */
export const FIRST_ROWS = Math.ceil((globalThis.innerHeight ?? 600) / 40);

/**
 * The cards that fill a window of this size on the new tab: its grid's columns (340 px and a
 * 16 px gap, in a page at most 1,640 px wide with 24 px sides; assets/css) times the rows of
 * cards (about 400 px each) it shows, at least 6 and at most 32. At 1,280 × 900: 3 × 3.
 */
export function firstScreenCards(width: number, height: number): number {
  const content = Math.min(width, 1640) - 48;
  const columns = Math.max(1, Math.floor((content + 16) / (340 + 16)));
  const rows = Math.max(1, Math.ceil(height / 400));
  return Math.min(32, Math.max(6, columns * rows));
}

/**
 * Cards a long list draws at once: the first screen of the window the page opened in (a window
 * made larger later finds the rest drawn once the browser is idle). The search reads this many
 * papers with each answer, so the first screen of results costs one read, not two.
 */
export const FIRST_CARDS = firstScreenCards(globalThis.innerWidth ?? 1280, globalThis.innerHeight ?? 900);
