import { afterEach, describe, expect, it } from 'vitest';
import { createDb, type PaperboyDb } from '../../utils/data/db';
import { createSync } from '../../utils/sync/sync';
import { describeSyncStatus } from '../../utils/pages/sync-status-text';

const HF = 'https://huggingface.co';
const NOW = Date.parse('2026-06-12T12:00:00Z');
// What a fetch the browser refuses looks like from inside: the same TypeError as no network.
const refused = () => Promise.reject(new TypeError('Failed to fetch'));

describe('sync when the site permission is gone', () => {
  let db: PaperboyDb;
  afterEach(async () => {
    await db?.delete();
  });

  it('says the permission is missing, not that the browser is offline', async () => {
    db = createDb(`sync-permission-${Math.random()}`);
    const sync = createSync({ db, fetch: refused, hfOrigin: HF, hasHostAccess: async () => false, now: () => NOW });
    const { status } = await sync.run();
    expect(status.lastError).toEqual({
      kind: 'permission',
      message: 'Paperboy may not reach huggingface.co: click “Sync now” to allow it',
      at: NOW,
    });
    expect(describeSyncStatus(status, false, NOW).text).toBe(
      'Paperboy may not reach huggingface.co: click “Sync now” to allow it — showing the bundled snapshot',
    );
  });

  it('still reports a plain network failure as offline when the permission is held', async () => {
    db = createDb(`sync-permission-${Math.random()}`);
    const sync = createSync({ db, fetch: refused, hfOrigin: HF, hasHostAccess: async () => true, now: () => NOW });
    const { status } = await sync.run();
    expect(status.lastError?.kind).toBe('offline');
    expect(describeSyncStatus(status, false, NOW).text).toBe('Offline — showing the bundled snapshot');
  });
});
