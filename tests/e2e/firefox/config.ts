import { resolve } from 'node:path';
import { ROOT } from '../config';

/**
 * The Firefox suite's fixture port: not the Chromium suite's (41731), so both suites run back
 * to back or side by side. `PAPERBOY_E2E_FIREFOX_PORT` moves it (two checkouts at once).
 */
export const FIREFOX_FIXTURE_PORT = Number(process.env.PAPERBOY_E2E_FIREFOX_PORT ?? 41741);
export const FIREFOX_FIXTURE_ORIGIN = `http://127.0.0.1:${FIREFOX_FIXTURE_PORT}`;
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const FIREFOX_EXTENSION_DIR = resolve(ROOT, '.output/firefox-mv3-e2e');
/** The e2e build packed as an XPI: Firefox installs only an archive permanently. */
export const FIREFOX_XPI = resolve(ROOT, '.output/paperboy-firefox-e2e.xpi');
/** `browser_specific_settings.gecko.id` in wxt.config.ts. */
export const GECKO_ID = 'paperboy@paperboy.dev';
/**
 * The moz-extension:// host every test profile gives Paperboy (pref `extensions.webextensions.uuids`).
 * Firefox otherwise draws a random one per profile; fixed, the tests know the pages' URLs.
 */
export const EXTENSION_UUID = '6d1c3b1e-8f0a-4c59-9a51-2f4b7c0e9d31';
