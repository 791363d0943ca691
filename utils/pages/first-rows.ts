/**
 * About how many rows (the popup's, the new tab's list layout) fill the window: rows are at least
 * 40 px tall. Computed once per page, in the entry script's own chunk, so the first screen the entry
 * draws (utils/pages/boot/popup-sketch.ts) and the app's first render cut at the same row.
 */
export const FIRST_ROWS = Math.ceil((globalThis.innerHeight ?? 600) / 40);
