import { browser } from 'wxt/browser';
import { readSetting } from '../../settings/settings';
import type { WorkerMessage } from '../messages';

/**
 * Called by the one writer of user state after every change: with cross-device sync on, asks the
 * background to pass the change on (it paces the writes to `storage.sync`). The background's own
 * changes (merges from other computers) are written by the merge itself; a message from it finds
 * no listener and is dropped. Never fails: a change stays stored here whatever happens.
 */
export async function announceFlagChange(): Promise<void> {
  try {
    if (!(await readSetting('crossDeviceSync'))) return;
    const message: WorkerMessage = { type: 'flags-changed' };
    await browser.runtime.sendMessage(message);
  } catch {
    // No background listening (it is the one that changed the flags), or storage unavailable:
    // the next reconciliation (on wake, after each sync) picks the change up.
  }
}
