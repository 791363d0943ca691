import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, newProfile, openPage, type Extension } from './browser';
import { FIXTURE_PORT, ROOT } from './config';
import { FixtureServer, jsonFeeds, recordedItems } from './fixture-server';

// `npm run dev` as a newcomer runs it: WXT's dev server builds .output/chrome-mv3-dev, whose
// pages load their scripts from the dev server. A search worker once started from there too, and
// Chromium killed every page that started it (a worker's script must be same-origin); search now
// runs in the page, and this test keeps `npm run dev` searching.

/** A made-up word: no recorded paper and nothing in the bundled snapshot comes near it. */
const MARKER = 'quokkanet';
const trending = recordedItems('2026-06-12')
  .slice(0, 10)
  .map((item, i) => (i === 2 || i === 7 ? { ...item, title: `${item.title as string}: ${MARKER}` } : item));
const marked = [trending[2]!.paper.id, trending[7]!.paper.id].sort();
const daily = recordedItems('2026-08-03');

/** Beside the fixture server's port, which PAPERBOY_E2E_PORT moves for a second checkout. */
const DEV_PORT = FIXTURE_PORT + 1;
const DEV_OUTPUT = resolve(ROOT, '.output/chrome-mv3-dev');
// Sized for a loaded 2-core machine: the dev server's first build takes 10-30 s there, and a dev
// page's first load has Vite transform each of its modules on request.
const DEV_SERVER_START_MS = 150_000;
const FIRST_PAINT_MS = 60_000;
const SEARCH_MS = 30_000;
const STOP_MS = 20_000;

/**
 * The WXT dev server in a process (and process group) of its own, started through WXT's API so
 * it opens no browser of its own. Its environment is a plain `npm run dev`'s: none of Vitest's.
 */
class DevServer {
  private child: ChildProcess | undefined;
  private output = '';

  async start(port: number, hfOrigin: string): Promise<void> {
    const script = `
      import { createServer } from 'wxt';
      const server = await createServer({ webExt: { disabled: true }, dev: { server: { port: ${port} } } });
      await server.start();
      const stop = () => server.stop().finally(() => process.exit(0));
      process.once('message', stop);
      process.once('disconnect', stop);
      process.send('ready');
    `;
    const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => key !== 'NODE_ENV' && key !== 'TEST' && !key.startsWith('VITEST')));
    // stdin stays open, as a terminal's would: Vite exits when stdin ends.
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
      cwd: ROOT,
      env: { ...env, WXT_HF_ORIGIN: hfOrigin },
      stdio: ['pipe', 'pipe', 'pipe', 'ipc'],
      detached: true,
    });
    this.child = child;
    child.stdout!.on('data', (chunk: Buffer) => (this.output += chunk));
    child.stderr!.on('data', (chunk: Buffer) => (this.output += chunk));
    await new Promise<void>((ready, fail) => {
      const timer = setTimeout(() => fail(new Error(`dev server not ready after ${DEV_SERVER_START_MS} ms:\n${this.output}`)), DEV_SERVER_START_MS);
      child.once('message', () => (clearTimeout(timer), ready()));
      child.once('exit', (code) => (clearTimeout(timer), fail(new Error(`dev server exited (${code}):\n${this.output}`))));
    });
  }

  /** Asks the server to stop; kills its whole process group if it has not within STOP_MS. */
  async stop(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child?.pid) return;
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((done) => child.once('exit', () => done()));
      if (child.connected) child.send('stop');
      else process.kill(-child.pid, 'SIGTERM');
      const timer = new Promise<'late'>((done) => setTimeout(() => done('late'), STOP_MS));
      if ((await Promise.race([exited, timer])) === 'late') process.kill(-child.pid, 'SIGKILL');
    }
    await waitForGroupToEnd(child.pid);
  }
}

/** Resolves once no process of the group is left (the server's esbuild included). */
async function waitForGroupToEnd(pgid: number): Promise<void> {
  const deadline = Date.now() + STOP_MS;
  while (Date.now() < deadline) {
    try {
      process.kill(-pgid, 0);
    } catch {
      return;
    }
    await new Promise((done) => setTimeout(done, 200));
  }
  process.kill(-pgid, 'SIGKILL');
  throw new Error(`dev server processes still running ${STOP_MS} ms after stop (killed)`);
}

describe('npm run dev in Chromium', () => {
  const fixtures = new FixtureServer(jsonFeeds(daily, trending));
  const dev = new DevServer();
  const profile = newProfile();
  const crashed = new Set<Page>();
  let ext: Extension | undefined;

  /** The papers a page lists, sorted; or why it lists none. */
  async function shown(page: Page): Promise<string[] | string> {
    if (crashed.has(page)) return 'renderer crashed';
    const ids = await page.locator('[data-paper-id]').evaluateAll((els) => els.map((el) => el.getAttribute('data-paper-id') ?? ''));
    return ids.sort();
  }

  beforeAll(async () => {
    await fixtures.start();
    await dev.start(DEV_PORT, fixtures.origin);
    ext = await launch(profile, DEV_OUTPUT);
    ext.context.on('page', (page) => page.on('crash', () => crashed.add(page)));
  }, DEV_SERVER_START_MS + 60_000); // and Chromium's start

  afterAll(async () => {
    await ext?.context.close();
    await dev.stop();
    await fixtures.stop();
    rmSync(profile, { recursive: true, force: true });
  }, 3 * STOP_MS);

  it('new tab, popup and options render, and search narrows the list in the new tab and the popup', async () => {
    const all = trending.map((item) => item.paper.id).sort();

    const newtab = await openPage(ext!, 'newtab.html');
    await expect.poll(() => shown(newtab), { timeout: FIRST_PAINT_MS }).toEqual(all);
    await newtab.locator('[data-role="search"]').fill(MARKER);
    await expect.poll(() => shown(newtab), { timeout: SEARCH_MS }).toEqual(marked);

    const popup = await openPage(ext!, 'popup.html');
    await expect.poll(() => shown(popup), { timeout: FIRST_PAINT_MS }).toEqual(all);
    await popup.locator('[data-role="search"]').fill(MARKER);
    await expect.poll(() => shown(popup), { timeout: SEARCH_MS }).toEqual(marked);

    const options = await openPage(ext!, 'options.html');
    await expect.poll(() => options.locator('[data-setting]').count(), { timeout: FIRST_PAINT_MS }).toBeGreaterThan(0);

    expect([...crashed].map((page) => page.url())).toEqual([]);
  }, 3 * FIRST_PAINT_MS + 2 * SEARCH_MS);
});
