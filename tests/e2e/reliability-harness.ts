import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import type { Page, Worker } from 'playwright-core';
import { waitFor, type Extension } from './browser';
import { EXTENSION_DIR, ROOT, WAIT_MS } from './config';
import type { Reply, Route } from './fixture-server';

type TargetInfo = { targetId: string; type: string; url: string };

/**
 * Kills the extension's service worker the way Chrome does when it decides the worker is idle
 * or over its time (Chrome DevTools Protocol `Target.closeTarget`), and waits until it is gone.
 * Playwright keeps reporting the dead worker for a while: read the badge through a page after this.
 */
export async function killWorker(ext: Extension): Promise<void> {
  const page = await ext.context.newPage();
  try {
    const cdp = await ext.context.newCDPSession(page);
    const workers = async () =>
      ((await cdp.send('Target.getTargets')) as { targetInfos: TargetInfo[] }).targetInfos.filter(
        (t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${ext.id}/`),
      );
    const [target] = await workers();
    if (!target) throw new Error('no service worker target to kill');
    await cdp.send('Target.closeTarget', { targetId: target.targetId });
    await waitFor(async () => (await workers()).some((t) => t.targetId === target.targetId), false);
    await cdp.detach();
  } finally {
    await page.close();
  }
}

/** The badge text, read through an extension page (pages may read the action too). */
export async function pageBadge(page: Page): Promise<string> {
  return page.evaluate(() => chrome.action.getBadgeText({}));
}

/** Any message wakes the worker; this one asks for nothing, so its reply is "no receiver". */
export async function wakeWorker(page: Page): Promise<void> {
  await page.evaluate(() => chrome.runtime.sendMessage({ type: 'wake-up' }).catch(() => undefined));
}

/** What "Sync now" sends, awaited until the worker answers with the sync status. */
export async function syncNow(page: Page): Promise<{ lastError?: { kind: string; message: string }; rateLimitedUntil?: number; lastSuccessAt?: number }> {
  return page.evaluate(() => chrome.runtime.sendMessage({ type: 'sync-now' }));
}

/** Every row of one store of the extension's database, read from an extension page. */
export async function dbRows<T = Record<string, unknown>>(page: Page, store: string): Promise<T[]> {
  return page.evaluate(
    (name) =>
      new Promise<T[]>((done, fail) => {
        const open = indexedDB.open('paperboy');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const request = db.transaction(name, 'readonly').objectStore(name).getAll();
          request.onsuccess = () => {
            db.close();
            done(request.result as T[]);
          };
          request.onerror = () => fail(request.error);
        };
      }),
    store,
  );
}

/**
 * The IndexedDB version of the extension's database (Dexie stores version N as N × 10), read by
 * opening it: under load Chromium once dropped the promise of `indexedDB.databases()` unresolved
 * ("Resulting promise was garbage collected").
 */
export async function dbVersion(where: Page | Worker): Promise<number> {
  // One call shape for both (their evaluate overloads do not unify).
  return (where as Pick<Worker, 'evaluate'>).evaluate(
    () =>
      new Promise<number>((done, fail) => {
        const open = indexedDB.open('paperboy');
        open.onsuccess = () => {
          const { version } = open.result;
          open.result.close();
          done(version);
        };
        open.onerror = () => fail(open.error);
      }),
  );
}

/**
 * Waits until no sync is in flight: "Sync now" answers when the sync it joins (or starts) is over.
 * A test that changes what Hugging Face answers does this first, or its next "Sync now" may share
 * the outcome of a sync that fetched before the change.
 */
export async function syncSettled(page: Page): Promise<void> {
  await syncNow(page);
}

/** Writes rows into one store of the extension's database, as earlier syncs or another build would have. */
export async function putRows(page: Page, store: string, rows: object[]): Promise<void> {
  await page.evaluate(
    ({ name, values }) =>
      new Promise<void>((done, fail) => {
        const open = indexedDB.open('paperboy');
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(name, 'readwrite');
          for (const value of values) tx.objectStore(name).put(value);
          tx.oncomplete = () => (db.close(), done());
          tx.onerror = () => fail(tx.error);
        };
        open.onerror = () => fail(open.error);
      }),
    { name: store, values: rows },
  );
}

/** Writes user state rows straight into the database, as an older or another build might have. */
export function putUserState(page: Page, rows: object[]): Promise<void> {
  return putRows(page, 'userState', rows);
}

/** A route whose API answers can be held: requests wait until `release()`, then get the route's answer. */
export class HoldableRoute {
  private held: (() => void)[] = [];
  private holding = false;
  private waiters: (() => void)[] = [];
  heldCount = 0;

  constructor(public route: Route) {}

  hold(): void {
    this.holding = true;
  }

  release(): void {
    this.holding = false;
    for (const go of this.held.splice(0)) go();
  }

  /** Resolves once a request is being held; fails after `timeoutMs` without one. */
  whenHeld(timeoutMs = WAIT_MS): Promise<void> {
    if (this.held.length > 0) return Promise.resolve();
    return new Promise((done, fail) => {
      const timer = setTimeout(() => fail(new Error(`no request was held within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push(() => {
        clearTimeout(timer);
        done();
      });
    });
  }

  readonly serve: Route = async (url) => {
    if (this.holding && url.pathname.startsWith('/api/')) {
      this.heldCount++;
      await new Promise<void>((go) => {
        this.held.push(go);
        for (const waiter of this.waiters.splice(0)) waiter();
      });
    }
    return this.route(url);
  };
}

export function failing(status: number, headers: Record<string, string> = {}): Route {
  return (url): Reply | undefined => (url.pathname.startsWith('/api/') ? { status, headers, body: 'unavailable' } : undefined);
}

/**
 * A stand-in for the build that shipped schema version 1, made from this checkout in a second:
 * a bare manifest and a service worker (tests/e2e/v1-stand-in.ts) that writes the golden v1
 * database as the v1 code wrote it. Needs no git history and no old dependencies.
 */
export async function buildV1StandIn(): Promise<string> {
  const out = resolve(ROOT, '.output/v1-stand-in');
  rmSync(out, { recursive: true, force: true });
  await build({
    entryPoints: [resolve(import.meta.dirname, 'v1-stand-in.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    outfile: resolve(out, 'v1-stand-in.js'),
    logLevel: 'warning',
  });
  const manifest = { manifest_version: 3, name: 'Paperboy (schema v1 stand-in)', version: '0.0.1', action: {}, background: { service_worker: 'v1-stand-in.js' } };
  writeFileSync(resolve(out, 'manifest.json'), JSON.stringify(manifest));
  return out;
}

/**
 * Puts a build at `dir`, the one path the profile knows the extension by (an unpacked
 * extension's id comes from its path), optionally with an older manifest version.
 */
export function installAt(dir: string, build: string, version?: string): void {
  rmSync(dir, { recursive: true, force: true });
  cpSync(build, dir, { recursive: true });
  if (version) {
    const manifestPath = resolve(dir, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { version: string };
    writeFileSync(manifestPath, JSON.stringify({ ...manifest, version }));
  }
}

export const CURRENT_BUILD = EXTENSION_DIR;
