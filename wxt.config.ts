import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'wxt';
import { DEFAULT_ARXIV_ORIGIN, DEFAULT_HF_ORIGIN, readSiteOrigins, resolveOrigin } from './utils/platform/origins';
import { extensionPagesCsp, hostPattern, optionalManifestKeys, permissionsAtInstall } from './utils/platform/manifest-policy';
import { isLiteMode } from './utils/platform/flavour-mode';
import { pageChunks } from './utils/platform/page-chunks';
import { BUNDLED_PATH } from './utils/data/bundled-path';

const ICON_SIZES = [16, 32, 48, 128] as const;
const GECKO_ID = 'paperboy@paperboy.dev';
// 140 (the current ESR, what Debian ships) is the first desktop Firefox that reads
// `data_collection_permissions`, 142 the first on Android; web-ext lint flags the key for any
// older version, so each platform asks for its own first.
const FIREFOX_MIN_VERSION = '140.0';
const FIREFOX_ANDROID_MIN_VERSION = '142.0';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  // Every user-facing string is a message in assets/locales/<lang>.yml (English is the default and
  // the complete one); @wxt-dev/i18n turns them into _locales/*/messages.json and typed keys.
  i18n: { localesDir: resolve(import.meta.dirname, 'assets/locales') },
  // Explicit imports everywhere: a reader sees every dependency.
  imports: false,
  // Firefox gets Manifest V3 too (WXT defaults it to MV2).
  manifestVersion: 3,
  vite: () => ({ plugins: [preact(), pageChunksPlugin()] }),
  // `npm run dev` opens Chromium with Paperboy loaded. Chromium refuses to start as root (CI
  // containers, dev VMs) unless its sandbox is off; a normal user keeps the sandbox.
  webExt: { chromiumArgs: process.getuid?.() === 0 ? ['--no-sandbox'] : [] },
  hooks: {
    // The Lite flavour (`npm run build:lite`, `--mode lite`) is a release build like the full one:
    // WXT would otherwise take NODE_ENV from the mode name and ship Preact's debug build. Its zips
    // are named apart; the sources zip is the full one's (same tree: `npm run build:lite` rebuilds it).
    'config:resolved': (wxt) => {
      if (!isLiteMode(wxt.config.mode)) return;
      if (wxt.config.command === 'build') process.env.NODE_ENV = 'production';
      wxt.config.zip.artifactTemplate = '{{name}}-{{version}}-{{browser}}-lite.zip';
      wxt.config.zip.zipSources = false;
    },
    // Lite leaves the new tab alone: no override. newtab.html stays in the package as a plain
    // extension page, which the popup's "Full view" opens.
    'build:manifestGenerated': (wxt, manifest) => {
      if (isLiteMode(wxt.config.mode)) delete manifest.chrome_url_overrides;
    },
    // Icons and the bundled snapshot live in assets/ with the rest of the static files; copy them
    // into the package. The snapshot is a file of its own so the worker fetches it by path: an
    // import (even `?url`) inlines it as base64 into the worker's single-file bundle.
    'build:publicAssets': (wxt, files) => {
      for (const size of ICON_SIZES) {
        files.push({ absoluteSrc: resolve(import.meta.dirname, `assets/icons/${size}.png`), relativeDest: `icon/${size}.png` });
      }
      files.push({ absoluteSrc: resolve(import.meta.dirname, 'assets/seed-papers.json'), relativeDest: BUNDLED_PATH.slice(1) });
    },
    // `npm run bench` drives the real data module from its own page (bench/page). That page is
    // built alone in this mode and copied into the bench build, so the measured bundles are
    // chunked exactly as shipped and no normal build contains it.
    'entrypoints:found': (wxt, infos) => {
      if (wxt.config.mode !== 'bench-page') return;
      infos.splice(0, infos.length, { name: 'bench', inputPath: resolve(import.meta.dirname, 'bench/page/index.html'), type: 'unlisted-page' });
    },
  },
  zip: {
    // The Firefox sources zip holds what a reviewer needs to rebuild: no git-ignored files
    // (build output, logs, local env, test artifacts) and no tests.
    excludeSources: [...gitignoredGlobs(), 'tests/**', 'assets/screenshots/**'],
    // This config reads it; WXT leaves dotfiles out by default.
    includeSources: ['.gitignore'],
  },
  // WXT_* variables are read here, not at the top: env files load after the config module.
  manifest: ({ browser, command, mode }) => {
    const hfOrigin = resolveOrigin(import.meta.env.WXT_HF_ORIGIN ?? process.env.WXT_HF_ORIGIN, DEFAULT_HF_ORIGIN);
    const arxivOrigin = resolveOrigin(import.meta.env.WXT_ARXIV_ORIGIN ?? process.env.WXT_ARXIV_ORIGIN, DEFAULT_ARXIV_ORIGIN);
    const readSites = readSiteOrigins(import.meta.env.WXT_ARXIV_SITE_ORIGIN ?? process.env.WXT_ARXIV_SITE_ORIGIN);
    const icons = Object.fromEntries(ICON_SIZES.map((size) => [size, `icon/${size}.png`]));
    return {
      name: 'Paperboy',
      description: '__MSG_extDescription__',
      default_locale: 'en',
      permissions: permissionsAtInstall(mode),
      host_permissions: [hostPattern(hfOrigin, browser)],
      ...optionalManifestKeys(arxivOrigin, browser, [...readSites.arxiv, ...readSites.alphaxiv]),
      content_security_policy: { extension_pages: extensionPagesCsp({ hfOrigin, arxivOrigin, dev: command === 'serve' }) },
      icons,
      action: { default_title: 'Paperboy', default_icon: icons },
      ...(browser === 'firefox'
        ? {
            browser_specific_settings: {
              gecko: {
                id: GECKO_ID,
                strict_min_version: FIREFOX_MIN_VERSION,
                // Nothing about the user is collected or transmitted (README, "Privacy").
                data_collection_permissions: { required: ['none'] },
              },
              gecko_android: { strict_min_version: FIREFOX_ANDROID_MIN_VERSION },
            },
          }
        : {}),
    };
  },
});

/** The .gitignore entries as globs for WXT's zip, so the sources zip never ships them. */
function gitignoredGlobs(): string[] {
  const path = resolve(import.meta.dirname, '.gitignore');
  const lines = existsSync(path) ? readFileSync(path, 'utf8').split('\n') : [];
  return lines
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#') && !line.startsWith('!'))
    .flatMap((line) => {
      const anchored = line.startsWith('/') || line.slice(0, -1).includes('/');
      const pattern = line.replace(/^\//, '').replace(/\/$/, '');
      const glob = anchored ? pattern : `**/${pattern}`;
      return [glob, `${glob}/**`];
    });
}

/**
 * Cuts the pages' JavaScript into few files (utils/platform/page-chunks.ts). The background is
 * built on its own as one file (no chunks to name), and is left alone.
 */
function pageChunksPlugin(): Plugin {
  return {
    name: 'paperboy:page-chunks',
    outputOptions(options) {
      if (options.inlineDynamicImports) return null;
      return { ...options, manualChunks: pageChunks() };
    },
  };
}
