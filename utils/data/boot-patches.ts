import type { CopyPatch } from '../pages/boot/boot-copy-patch';
import type { PaperboyDb } from './db';
import { BOOT_PATCHES_KEY as KEY, bootPatchesOf } from './meta-rows';

// Changes of user state made where there is no localStorage (the background), waiting for the next
// page to patch the saved first screens with. That page reads them with its first screen, in the
// same transaction (page-data.ts getPageData, or first-screen.ts from a first visit's entry
// script), so honouring them costs no extra round trip.

/** Leaves a change for the next page to patch the saved copies with. */
export async function leaveBootPatch(db: PaperboyDb, patch: CopyPatch): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const waiting = bootPatchesOf(await db.meta.get(KEY));
    await db.meta.put({ key: KEY, value: [...waiting, patch] });
  });
}

/** The changes waiting (read inside the caller's transaction). */
export async function waitingBootPatches(db: PaperboyDb): Promise<CopyPatch[]> {
  return bootPatchesOf(await db.meta.get(KEY));
}

/** Forgets the changes a page has applied (those that came in since stay). */
export async function dropBootPatches(db: PaperboyDb, applied: number): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const waiting = await waitingBootPatches(db);
    if (waiting.length <= applied) await db.meta.delete(KEY);
    else await db.meta.put({ key: KEY, value: waiting.slice(applied) });
  });
}
