import Dexie from 'dexie';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { createDb } from '../../../utils/data/db';
import { warmOpen } from '../../../utils/data/warm-open';

/** Resolves once `factory` has run everything queued so far (fake-indexeddb answers on timers). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('warmOpen', () => {
  it('creates no database where there is none (a first install): Dexie then creates it with its schema', async () => {
    const factory = new IDBFactory();
    warmOpen('fresh', factory);
    await settle();
    expect(await factory.databases()).toEqual([]);
    Dexie.dependencies.indexedDB = factory;
    try {
      const db = createDb('fresh');
      await db.open();
      expect(db.tables.map((t) => t.name)).toContain('papers');
      db.close();
    } finally {
      Dexie.dependencies.indexedDB = globalThis.indexedDB;
    }
  });

  it('leaves an existing database as it was, and its connection closed: an upgrade is never blocked by it', async () => {
    const factory = new IDBFactory();
    const create = factory.open('kept', 3);
    create.onupgradeneeded = () => create.result.createObjectStore('papers');
    await new Promise((resolve) => (create.onsuccess = resolve));
    create.result.close();
    warmOpen('kept', factory);
    await settle();
    expect(await factory.databases()).toEqual([{ name: 'kept', version: 3 }]);
    const upgrade = factory.open('kept', 4);
    let blocked = false;
    upgrade.onblocked = () => (blocked = true);
    await new Promise((resolve, reject) => {
      upgrade.onsuccess = resolve;
      upgrade.onerror = reject;
    });
    expect(blocked).toBe(false);
    expect(upgrade.result.version).toBe(4);
    upgrade.result.close();
  });

  it('never throws, with no IndexedDB at all or one that refuses', () => {
    expect(() => warmOpen('x', undefined)).not.toThrow();
    const refusing = { open: () => { throw new DOMException('denied', 'SecurityError'); } } as unknown as IDBFactory;
    expect(() => warmOpen('x', refusing)).not.toThrow();
  });
});
