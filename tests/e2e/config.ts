import { resolve } from 'node:path';

/**
 * The port the e2e build's WXT_HF_ORIGIN points at; the fixture server listens there.
 * `PAPERBOY_E2E_PORT` lets two checkouts run their suites side by side.
 */
export const FIXTURE_PORT = Number(process.env.PAPERBOY_E2E_PORT ?? 41731);
export const FIXTURE_ORIGIN = `http://127.0.0.1:${FIXTURE_PORT}`;
/**
 * The e2e build's WXT_ARXIV_ORIGIN: the fixture server (it answers `/api/query` with recorded
 * Atom). Deliberately the HF fixture origin, already granted by `host_permissions`: headless
 * Chromium cannot show the optional-permission prompt, and an unanswered prompt leaves
 * `permissions.request` pending forever. With the origin granted, the click's request resolves
 * at once, so the real request-from-a-click path runs without a prompt to answer.
 */
export const ARXIV_FIXTURE_ORIGIN = FIXTURE_ORIGIN;
/**
 * The e2e build's WXT_ARXIV_SITE_ORIGIN, the arXiv site read detection watches: the fixture
 * server again (it answers `/abs/<id>` with a page), for the same reason: granted already, so
 * turning read detection on in Options runs the real request without a prompt to answer.
 */
export const ARXIV_SITE_FIXTURE_ORIGIN = FIXTURE_ORIGIN;
export const ROOT = resolve(import.meta.dirname, '../..');
export const EXTENSION_DIR = resolve(ROOT, '.output/chrome-mv3-e2e');
export const ARTIFACTS_DIR = resolve(ROOT, 'tests/e2e/artifacts');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/**
 * How long any wait in the e2e suite may take: a poll, a locator, an event. Sized for a 2-core
 * machine shared with other browsers, where a step that takes 1 s alone can take ten.
 */
export const WAIT_MS = 20_000;
/** The options of every `expect.poll` in the e2e suite. */
export const POLL = { timeout: WAIT_MS } as const;
