import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { PaperboyDb } from '../../../utils/data/db';
import { applySync } from '../../../utils/data/feed-store';
import { getSyncStatus } from '../../../utils/data/sync-status';
import { notifyMatches } from '../../../utils/notify/notify';
import { rulesItem, writeSetting } from '../../../utils/settings/settings';
import { DEFAULTS } from '../../../utils/settings/defaults';
import { parseDailyPapers } from '../../../utils/sync/sources/hf';
import { recordedHfDay } from '../../fixtures/recorded';
import { freshDb } from '../../support/harness';

// The one notification a sync may show, with the user's own rules read from storage.

const ORIGIN = 'https://huggingface.co';
const parsed = parseDailyPapers(recordedHfDay('2026-06-12'), ORIGIN);
if (!parsed.ok) throw new Error(parsed.reason);
const PAPERS = parsed.papers;
const TARGET = PAPERS[3]!;
/** A local noon, outside any quiet hours used here. */
const NOON = new Date(2026, 5, 12, 12).getTime();
const NIGHT = new Date(2026, 5, 12, 23).getTime();

let db: PaperboyDb | undefined;
afterEach(async () => {
  await db?.delete();
});

async function setUp(): Promise<{ db: PaperboyDb; created: ReturnType<typeof vi.fn> }> {
  db = freshDb();
  await applySync(db, [{ feed: 'hf-daily', papers: PAPERS, skipped: 0 }], await getSyncStatus(db), NOON - 60_000);
  vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true);
  const created = vi.fn(() => Promise.resolve(''));
  vi.spyOn(fakeBrowser.notifications, 'create').mockImplementation(created as never);
  // Notifications on, with nothing watched but the user's rule; quiet hours at night.
  await writeSetting('notifications', { ...DEFAULTS.notifications, enabled: true, keywords: [], authors: [], organizations: [], minUpvotes: 0, quiet: true, quietFrom: '22:00', quietTo: '07:00' });
  await rulesItem.setValue([{ id: 'r', pattern: TARGET.title, regex: false, fields: ['title'], effect: 'pin' }]);
  return { db, created };
}

describe('notifications from the user\'s own rules', () => {
  it('a paper a stored rule pins is notified, once', async () => {
    const { db, created } = await setUp();
    const id = await notifyMatches(db, NOON);
    expect(id).toBeDefined();
    expect(created).toHaveBeenCalledTimes(1);
    expect(JSON.stringify(created.mock.calls[0])).toContain(TARGET.title.slice(0, 30));
    expect(await notifyMatches(db, NOON + 60_000)).toBeUndefined();
    expect(created).toHaveBeenCalledTimes(1);
  });

  it('waits out quiet hours, then notifies', async () => {
    const { db, created } = await setUp();
    expect(await notifyMatches(db, NIGHT)).toBeUndefined();
    expect(created).not.toHaveBeenCalled();
    expect(await notifyMatches(db, NOON + 86_400_000)).toBeDefined();
  });

  it('a rule that only dims notifies nothing', async () => {
    const { db, created } = await setUp();
    await rulesItem.setValue([{ id: 'r', pattern: TARGET.title, regex: false, fields: ['title'], effect: 'dim' }]);
    expect(await notifyMatches(db, NOON)).toBeUndefined();
    expect(created).not.toHaveBeenCalled();
  });
});
