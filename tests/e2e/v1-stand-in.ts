// The service worker of a stand-in for the first shipped build (reliability-harness.ts
// `buildV1StandIn` bundles it at test time): it writes the golden v1 database, rows the v1 code
// itself wrote (tests/fixtures/db/v1.json), with the schema's steps up to version 1, under the
// extension's origin. The upgrade test then puts the current build at the same path.
import Dexie from 'dexie';
import { DB_NAME, declareSchema, SCHEMA } from '../../utils/data/db';
import type { GoldenDb } from '../support/golden-db';
import v1 from '../fixtures/db/v1.json';

const golden: GoldenDb = v1;

async function seed(): Promise<number> {
  const db = declareSchema(new Dexie(DB_NAME), SCHEMA.filter((step) => step.version <= golden.version));
  await db.open();
  await db.transaction('rw', db.tables, async () => {
    for (const [table, rows] of Object.entries(golden.tables)) await db.table(table).bulkAdd(rows);
  });
  db.close();
  return golden.version;
}

/** Settles once the rows are written: the test awaits it through `worker.evaluate`. */
(self as unknown as { seeded: Promise<number> }).seeded = seed();
