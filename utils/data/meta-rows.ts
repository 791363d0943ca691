import type { CopyPatch } from '../pages/boot/boot-copy-patch';
import type { ArxivStatus } from './arxiv-store';
import type { SyncStatus } from './sync-status';

// The `meta` rows a page's first screen reads, each with what its absence means. Shared by their
// Dexie readers (sync-status.ts, arxiv-store.ts, boot-patches.ts) and the entry script's own
// read of the first screen (first-screen.ts), which must not load Dexie or those modules.

export const SYNC_STATUS_KEY = 'sync-status';
export const ARXIV_STATUS_KEY = 'arxiv-status';
export const BOOT_PATCHES_KEY = 'boot-copy-patches';

/** The sync outcome record's value (empty when nothing was ever synced). */
export const syncStatusOf = (row: { value: unknown } | undefined): SyncStatus => (row?.value as SyncStatus | undefined) ?? { feeds: {} };

/** The arXiv feeds' record's value (none added yet when absent). */
export const arxivStatusOf = (row: { value: unknown } | undefined): ArxivStatus => (row?.value as ArxivStatus | undefined) ?? { categories: [], feeds: {} };

/** The boot copies' waiting changes (none when absent). */
export const bootPatchesOf = (row: { value: unknown } | undefined): CopyPatch[] => (row?.value as CopyPatch[] | undefined) ?? [];
