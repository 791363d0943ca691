import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { backupFileName, BACKUP_FORMAT, exportBackup, importBackup, MAX_BACKUP_BYTES, parseBackup } from '../../../utils/data/backup';
import type { Rule } from '../../../utils/discover/rule-types';
import type { PaperboyDb, UserState } from '../../../utils/data/db';
import { getFeed } from '../../../utils/data/papers';
import { markRead, markUnread } from '../../../utils/data/user-state';
import { getRules, readDetectionItem, readSetting, readSettings, rulesItem, writeSetting } from '../../../utils/settings/settings';
import { createWorker } from '../../../utils/sync/background';
import { clock, dump, FakeHf, freshDb, ORIGIN, recorded } from '../../support/harness';

const DAILY = recorded('2026-06-12');
const TRENDING = recorded('2026-08-03');

async function syncedProfile(db: PaperboyDb = freshDb()) {
  const time = clock();
  const hf = new FakeHf(time.now, DAILY, TRENDING);
  await createWorker({ db, fetch: hf.fetch, hfOrigin: ORIGIN, now: time.now }).syncNow(true);
  return { db, time };
}

/** A profile with everything a user can do: read, saved, dismissed, unread again, a setting. */
async function usedProfile() {
  const { db, time } = await syncedProfile();
  const t = time.now();
  await markRead(db, [DAILY[0]!.paper.id, DAILY[1]!.paper.id, TRENDING[0]!.paper.id], t);
  await db.userState.put({ id: DAILY[2]!.paper.id, savedAt: t + 1 });
  await db.userState.put({ id: DAILY[3]!.paper.id, readAt: t + 2, savedAt: t + 2 });
  await db.userState.put({ id: DAILY[4]!.paper.id, dismissedAt: t + 3 });
  await markRead(db, [DAILY[5]!.paper.id], t);
  await markUnread(db, [DAILY[5]!.paper.id], t + 4);
  await writeSetting('keepUnreadDays', 30);
  await writeSetting('theme', 'dark');
  await rulesItem.setValue([RULE]);
  await readDetectionItem.setValue(true);
  return db;
}

const RULE: Rule = { id: 'r1', pattern: 'diffusion', regex: false, fields: ['title', 'abstract'], effect: 'highlight' };

const withFlags = (rows: UserState[]) => rows.filter((r) => r.readAt !== undefined || r.savedAt !== undefined || r.dismissedAt !== undefined);

describe('backup: export, then import into a fresh profile', () => {
  it('restores every flag and setting, even for papers the new profile has not synced yet', async () => {
    const old = await usedProfile();
    const file = JSON.stringify(await exportBackup(old, Date.UTC(2026, 5, 12, 12)));
    const flags = withFlags(await old.userState.toArray());

    // A fresh profile: new database, default settings.
    fakeBrowser.reset();
    const fresh = freshDb();
    expect(await readSetting('keepUnreadDays')).toBe(90);
    const result = await importBackup(fresh, file);

    expect(result).toMatchObject({ ok: true, counts: { added: flags.length, updated: 0, unchanged: 0, notYetSynced: flags.length } });
    expect(result.message).toBe(
      `Imported the state of ${flags.length} papers: ${flags.length} new, 0 updated, 0 already up to date. ${flags.length} papers are not in this profile yet; their flags apply once they sync. Settings restored.`,
    );
    expect(await fresh.userState.toArray()).toEqual(flags);
    expect(await readSetting('keepUnreadDays')).toBe(30);
    expect(await readSetting('theme')).toBe('dark');
    expect(await getRules()).toEqual([RULE]);
    expect(await readDetectionItem.getValue()).toBe(true);

    // The papers arrive with the first sync, and show the restored flags.
    await syncedProfile(fresh);
    const daily = await getFeed(fresh, 'hf-daily');
    const oldDaily = await getFeed(old, 'hf-daily');
    expect(daily.map((v) => [v.paper.id, Boolean(v.state?.readAt), Boolean(v.state?.savedAt)])).toEqual(
      oldDaily.map((v) => [v.paper.id, Boolean(v.state?.readAt), Boolean(v.state?.savedAt)]),
    );
    expect(daily.some((v) => v.paper.id === DAILY[4]!.paper.id)).toBe(false); // still dismissed
  });

  it('exports the version, the date and only rows that carry a flag', async () => {
    const db = await usedProfile();
    const backup = await exportBackup(db, Date.UTC(2026, 5, 12, 12));
    expect(backup).toMatchObject({ format: BACKUP_FORMAT, version: 2, exportedAt: '2026-06-12T12:00:00.000Z' });
    expect(backup.settings).toEqual({ ...(await readSettings()), keepUnreadDays: 30, theme: 'dark', rules: [RULE], readDetection: true });
    expect(backup.userState.map((r) => r.id)).not.toContain(DAILY[5]!.paper.id);
    expect(backup.userState).toHaveLength(6);
  });

  it('names the file paperboy-backup-YYYY-MM-DD.json in the local calendar', () => {
    expect(backupFileName(new Date(2026, 0, 5, 23, 59).getTime())).toBe('paperboy-backup-2026-01-05.json');
    expect(backupFileName(new Date(2026, 11, 31, 0, 1).getTime())).toBe('paperboy-backup-2026-12-31.json');
  });

  it('merges into a profile with its own state: nothing here is lost, each flag keeps its earliest time', async () => {
    const db = freshDb();
    await db.userState.bulkPut([
      { id: '2606.00001', readAt: 500 },
      { id: '2606.00002', readAt: 100, savedAt: 900 },
      { id: '2606.00003', dismissedAt: 50 },
    ]);
    const file = JSON.stringify({
      format: BACKUP_FORMAT,
      version: 1,
      exportedAt: '2026-06-12T00:00:00.000Z',
      userState: [
        { id: '2606.00001', readAt: 300, savedAt: 400 },
        { id: '2606.00002', readAt: 200 },
        { id: '2606.00004', savedAt: 10 },
      ],
    });
    const result = await importBackup(db, file);
    expect(result).toMatchObject({ ok: true, counts: { added: 1, updated: 1, unchanged: 1 }, settings: 0 });
    expect(await db.userState.toArray()).toEqual([
      { id: '2606.00001', readAt: 300, savedAt: 400 },
      { id: '2606.00002', readAt: 100, savedAt: 900 },
      { id: '2606.00003', dismissedAt: 50 },
      { id: '2606.00004', savedAt: 10 },
    ]);
  });
});

describe('backup: files of every version', () => {
  const v1 = { format: BACKUP_FORMAT, version: 1, exportedAt: '2026-06-12T00:00:00.000Z', userState: [{ id: '2606.00001', readAt: 1 }] };

  it('imports a version-1 file (one setting, as Paperboy 0.1 wrote it)', async () => {
    const db = freshDb();
    const result = await importBackup(db, JSON.stringify({ ...v1, settings: { keepUnreadDays: 180 } }));
    expect(result).toMatchObject({ ok: true, settings: 1, counts: { added: 1 } });
    expect(await readSetting('keepUnreadDays')).toBe(180);
    expect(await db.userState.toArray()).toEqual([{ id: '2606.00001', readAt: 1 }]);
  });

  it('upgrades a version-1 file to the current shape', () => {
    expect(parseBackup(JSON.stringify({ ...v1, settings: { keepUnreadDays: 30 } }))).toEqual({
      ok: true,
      backup: { ...v1, version: 2, settings: { keepUnreadDays: 30 } },
    });
  });

  it('restores every setting of a version-2 file; a value this Paperboy cannot use becomes its default', async () => {
    const settings = { badgeMode: 'new', density: 'list', theme: 'sepia', syncPeriodMinutes: 5, notifications: { enabled: true, keywords: ['diffusion'] }, unknown: 1 };
    const result = await importBackup(freshDb(), JSON.stringify({ ...v1, version: 2, settings }));
    expect(result).toMatchObject({ ok: true, settings: 5 });
    const now = await readSettings();
    expect(now).toMatchObject({ badgeMode: 'new', density: 'list', theme: 'system', syncPeriodMinutes: 15 });
    expect(now.notifications).toMatchObject({ enabled: true, keywords: ['diffusion'], authors: [], quiet: false });
  });
});

describe('backup: the user\'s rules', () => {
  const file = (rules: unknown) => JSON.stringify({ format: BACKUP_FORMAT, version: 2, exportedAt: '2026-06-12T00:00:00.000Z', userState: [{ id: '2606.00001', readAt: 1 }], settings: { theme: 'dark', rules } });

  it('a rule that cannot run is refused with the reason; everything else in the file is imported', async () => {
    const db = freshDb();
    const result = await importBackup(db, file([RULE, { ...RULE, id: 'r2', pattern: '(?=x)', regex: true }]));
    expect(result.ok).toBe(true);
    expect(result.message).toMatch(/Settings restored\. Rule \/\(\?=x\)\/ was left out: Not a pattern Paperboy can use: .+$/);
    expect(await getRules()).toEqual([RULE]);
    expect(await readSetting('theme')).toBe('dark');
    expect(await db.userState.toArray()).toEqual([{ id: '2606.00001', readAt: 1 }]);
  });
});

describe('backup: a bad file is rejected with a clear message and changes nothing', () => {
  const valid = { format: BACKUP_FORMAT, version: 1, exportedAt: '2026-06-12T00:00:00.000Z', userState: [{ id: '2606.00001', readAt: 1 }] };
  const cases: [string, string, string][] = [
    ['not JSON', 'PK\u0003\u0004 a zip file', 'This file is not a Paperboy backup: it is not JSON.'],
    ['JSON of something else', JSON.stringify({ bookmarks: [] }), 'This file is not a Paperboy backup.'],
    ['a JSON list', JSON.stringify([valid]), 'This file is not a Paperboy backup.'],
    ['from a newer Paperboy', JSON.stringify({ ...valid, version: 7 }), 'This backup comes from a newer Paperboy (backup version 7): update Paperboy, then import it again.'],
    [
      'a broken id',
      JSON.stringify({ ...valid, userState: [...valid.userState, { id: '<script>', readAt: 1 }] }),
      'This backup is damaged, so nothing was imported: userState.1.id must be an arXiv id such as 2606.13594.',
    ],
    [
      'a time that is text',
      JSON.stringify({ ...valid, userState: [{ id: '2606.00002', readAt: 'yesterday' }] }),
      'This backup is damaged, so nothing was imported: userState.0.readAt must be a time (milliseconds since 1970).',
    ],
    [
      'a negative time',
      JSON.stringify({ ...valid, userState: [{ id: '2606.00002', savedAt: -5 }] }),
      'This backup is damaged, so nothing was imported: userState.0.savedAt must be a time (milliseconds since 1970).',
    ],
    ['no list of states', JSON.stringify({ ...valid, userState: 'all' }), 'This backup is damaged, so nothing was imported: userState must be a list.'],
    [
      'a broken setting',
      JSON.stringify({ ...valid, settings: { keepUnreadDays: -1 } }),
      'This backup is damaged, so nothing was imported: settings.keepUnreadDays cannot be negative.',
    ],
    ['far too large', `{"format":"${BACKUP_FORMAT}","pad":"${'x'.repeat(MAX_BACKUP_BYTES)}"}`, 'This file is too large to be a Paperboy backup.'],
  ];

  it.each(cases)('%s', async (_name, text, message) => {
    const db = await usedProfile();
    const before = await dump(db);
    const result = await importBackup(db, text);
    expect(result).toEqual({ ok: false, message });
    expect(await dump(db)).toEqual(before);
    expect(await readSetting('keepUnreadDays')).toBe(30);
  });
});

describe('backup import is idempotent', () => {
  const id = fc.oneof(
    fc.tuple(fc.integer({ min: 2001, max: 2612 }), fc.integer({ min: 10000, max: 10050 })).map(([a, b]) => `${a}.${b}`),
    fc.constantFrom('hep-th/9901001', 'math.GT/0309136'),
  );
  const time = fc.integer({ min: 0, max: 2 ** 42 });
  const row = fc.record({ id, readAt: fc.option(time, { nil: undefined }), savedAt: fc.option(time, { nil: undefined }), dismissedAt: fc.option(time, { nil: undefined }) });
  const clean = (r: UserState) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)) as UserState;

  it('property: import(x); import(x) leaves the same database as import(x), and the second import changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(row, { maxLength: 30 }), fc.array(row, { maxLength: 30 }), async (existing, incoming) => {
        const file = JSON.stringify({ format: BACKUP_FORMAT, version: 1, exportedAt: 'x', userState: incoming.map(clean) });
        const once = freshDb();
        const twice = freshDb();
        for (const db of [once, twice]) await db.userState.bulkPut(existing.map(clean));
        await importBackup(once, file);
        await importBackup(twice, file);
        const second = await importBackup(twice, file);

        expect(await twice.userState.toArray()).toEqual(await once.userState.toArray());
        expect(second).toMatchObject({ ok: true, counts: { added: 0, updated: 0 } });
        once.close();
        twice.close();
      }),
      { numRuns: 60 },
    );
  }, 120_000);

  it('property: exporting, then importing into an empty profile, gives back every flag', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(row, { selector: (r) => r.id, maxLength: 30 }), async (rows) => {
        const source = freshDb();
        const target = freshDb();
        await source.userState.bulkPut(rows.map(clean));
        const result = parseBackup(JSON.stringify(await exportBackup(source, 0)));
        expect(result.ok).toBe(true);
        await importBackup(target, JSON.stringify(await exportBackup(source, 0)));
        expect(await target.userState.toArray()).toEqual(withFlags(await source.userState.toArray()));
        source.close();
        target.close();
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});
