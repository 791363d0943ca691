import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { createDb, declareSchema, SCHEMA } from '../../../utils/data/db';
import { getFeed } from '../../../utils/data/papers';
import { getSyncStatus } from '../../../utils/data/sync-status';
import { reloadOnUpgrade } from '../../../utils/pages/boot/page-lifecycle';
import { pruneOldPapers } from '../../../utils/data/retention';
import { declaredIndexes, dumpGolden, goldenVersions, liveIndexes, readGolden, seedGolden, stepsUpTo, storesAt } from '../../support/golden-db';

const LATEST = SCHEMA.at(-1)!.version;
let n = 0;
const dbName = () => `migration-${++n}`;

describe('schema upgrade from every shipped version', () => {
  it('there is a golden database for every schema version, declared as the schema declares it', () => {
    expect(goldenVersions()).toEqual(SCHEMA.map((step) => step.version));
    for (const version of goldenVersions()) expect(readGolden(version).stores).toEqual(storesAt(version));
  });

  it.each(goldenVersions().filter((v) => v < LATEST))('v%i migrates one step to exactly the next golden', async (version) => {
    const name = dbName();
    await seedGolden(name, readGolden(version));
    const db = declareSchema(new Dexie(name), stepsUpTo(version + 1));
    await db.open();
    const next = readGolden(version + 1);

    expect(db.verno).toBe(version + 1);
    expect(liveIndexes(db)).toEqual(declaredIndexes(next.stores));
    expect(await dumpGolden(db, version + 1)).toEqual(next);
    db.close();
  });

  it('the latest golden opens with the current code unchanged', async () => {
    const name = dbName();
    const latest = readGolden(LATEST);
    await seedGolden(name, latest);
    const db = createDb(name);
    expect(await dumpGolden(db, LATEST)).toEqual(latest);
    expect(liveIndexes(db)).toEqual(declaredIndexes(latest.stores));
  });

  it('from the first shipped version to the current code: read flags, saved, dismissed and every paper intact', async () => {
    const first = readGolden(SCHEMA[0]!.version);
    const name = dbName();
    await seedGolden(name, first);
    const db = createDb(name);

    expect(await db.userState.toArray()).toEqual(first.tables.userState);
    expect((await db.papers.toCollection().primaryKeys()).sort()).toEqual((first.tables.papers as { id: string }[]).map((p) => p.id).sort());
    expect(await db.feeds.toArray()).toEqual(first.tables.feeds);
    expect((await getSyncStatus(db)).lastSuccessAt).toBeDefined();
    const daily = await getFeed(db, 'hf-daily');
    const readIds = (first.tables.userState as { id: string; readAt?: number }[]).filter((s) => s.readAt).map((s) => s.id);
    for (const view of daily) expect(Boolean(view.state?.readAt)).toBe(readIds.includes(view.paper.id));
    expect(daily.some((view) => view.state?.readAt)).toBe(true);
  });

  it('an upgraded database works with retention at once: upgraded papers are aged from their first sighting', async () => {
    const first = readGolden(1);
    const name = dbName();
    await seedGolden(name, first);
    const db = createDb(name);
    await db.feeds.clear(); // no feed lists them any more
    const newest = Math.max(...(first.tables.papers as { firstSeenAt: number }[]).map((p) => p.firstSeenAt));
    const deleted = await pruneOldPapers(db, 90, newest + 91 * 24 * 3_600_000);
    const kept = new Set(await db.papers.toCollection().primaryKeys());
    const readOrSaved = (first.tables.userState as { id: string; readAt?: number; savedAt?: number }[]).filter((s) => s.readAt || s.savedAt);
    for (const { id } of readOrSaved) if ((first.tables.papers as { id: string }[]).some((p) => p.id === id)) expect(kept.has(id)).toBe(true);
    expect(deleted).toBe(first.tables.papers!.length - kept.size);
    expect(deleted).toBeGreaterThan(0);
  });

  it('a page still open on the old version steps aside: it closes, reloads, and the upgrade is not blocked', async () => {
    const name = dbName();
    await seedGolden(name, readGolden(1));
    const oldPage = declareSchema(new Dexie(name), stepsUpTo(1));
    let reloads = 0;
    reloadOnUpgrade(oldPage, () => reloads++);
    await oldPage.table('userState').count();
    expect(oldPage.isOpen()).toBe(true);

    const upgraded = createDb(name);
    let blocked = false;
    upgraded.on('blocked', () => void (blocked = true));
    await upgraded.open();

    expect(upgraded.verno).toBe(LATEST);
    expect(blocked).toBe(false);
    expect(reloads).toBe(1);
    expect(oldPage.isOpen()).toBe(false);
  });
});
