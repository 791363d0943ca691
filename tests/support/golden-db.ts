import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Dexie from 'dexie';
import { declareSchema, SCHEMA, type SchemaStep } from '../../utils/data/db';

/** A database dump as stored in tests/fixtures/db/v<N>.json. */
export interface GoldenDb {
  version: number;
  /** Each table's Dexie declaration at this version. */
  stores: Record<string, string>;
  /** Every row of every table, in key order. */
  tables: Record<string, unknown[]>;
}

export const GOLDEN_DIR = resolve(import.meta.dirname, '../fixtures/db');

export function goldenVersions(): number[] {
  return readdirSync(GOLDEN_DIR)
    .map((name) => /^v(\d+)\.json$/.exec(name)?.[1])
    .filter((n): n is string => n !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
}

export function readGolden(version: number): GoldenDb {
  return JSON.parse(readFileSync(resolve(GOLDEN_DIR, `v${version}.json`), 'utf8')) as GoldenDb;
}

/** The schema steps up to and including `version`. */
export function stepsUpTo(version: number): SchemaStep[] {
  return SCHEMA.filter((step) => step.version <= version);
}

/** Each table's declaration once the steps up to `version` have run. */
export function storesAt(version: number): Record<string, string> {
  const stores: Record<string, string> = {};
  for (const step of stepsUpTo(version)) {
    for (const [table, spec] of Object.entries(step.stores)) {
      if (spec === null) delete stores[table];
      else stores[table] = spec;
    }
  }
  return stores;
}

/** Writes a golden dump into a new database that stops at the dump's version, then closes it. */
export async function seedGolden(name: string, golden: GoldenDb): Promise<void> {
  const db = declareSchema(new Dexie(name), stepsUpTo(golden.version));
  await db.open();
  await db.transaction('rw', db.tables, async () => {
    for (const [table, rows] of Object.entries(golden.tables)) await db.table(table).bulkAdd(rows);
  });
  db.close();
}

/** Dumps a database in the golden format. */
export async function dumpGolden(db: Dexie, version: number): Promise<GoldenDb> {
  const tables: Record<string, unknown[]> = {};
  for (const table of db.tables) tables[table.name] = await table.toArray();
  return { version, stores: storesAt(version), tables };
}

/** A table's indexes as the open database has them, primary key first. */
export function liveIndexes(db: Dexie): Record<string, string[]> {
  return Object.fromEntries(db.tables.map((t) => [t.name, [t.schema.primKey.name, ...t.schema.indexes.map((i) => i.name).sort()]]));
}

/** The same, read from a Dexie declaration string. */
export function declaredIndexes(stores: Record<string, string>): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(stores).map(([table, spec]) => {
      const [primary, ...indexes] = spec.split(',').map((part) => part.trim().replace(/^[&*+]+/, ''));
      return [table, [primary!, ...indexes.sort()]];
    }),
  );
}
