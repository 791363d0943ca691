import { resolve } from 'node:path';
import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { resolveHfOrigin } from './utils/hf-origin';
import { SNAPSHOT_PATH } from './utils/snapshot-path';

const ICON_SIZES = [16, 32, 48, 128] as const;

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: a reader sees every dependency.
  imports: false,
  // Firefox gets Manifest V3 too (WXT defaults it to MV2).
  manifestVersion: 3,
  vite: () => ({ plugins: [preact()] }),
  hooks: {
    // Icons and the bundled snapshot live in assets/ with the rest of the static files; copy them
    // into the package. The snapshot is a file of its own so the worker fetches it by path: an
    // import (even `?url`) inlines it as base64 into the worker's single-file bundle.
    'build:publicAssets': (_wxt, files) => {
      for (const size of ICON_SIZES) {
        files.push({ absoluteSrc: resolve(import.meta.dirname, `assets/icons/${size}.png`), relativeDest: `icon/${size}.png` });
      }
      files.push({ absoluteSrc: resolve(import.meta.dirname, 'assets/seed-papers.json'), relativeDest: SNAPSHOT_PATH.slice(1) });
    },
    // `npm run bench` drives the real data module from its own page (bench/page). That page is
    // built alone in this mode and copied into the bench build, so the measured bundles are
    // chunked exactly as shipped and no normal build contains it.
    'entrypoints:found': (wxt, infos) => {
      if (wxt.config.mode !== 'bench-page') return;
      infos.splice(0, infos.length, { name: 'bench', inputPath: resolve(import.meta.dirname, 'bench/page/index.html'), type: 'unlisted-page' });
    },
  },
  // WXT_* variables are read here, not at the top: env files load after the config module.
  manifest: ({ browser }) => {
    const hfOrigin = resolveHfOrigin(import.meta.env.WXT_HF_ORIGIN ?? process.env.WXT_HF_ORIGIN);
    const icons = Object.fromEntries(ICON_SIZES.map((size) => [size, `icon/${size}.png`]));
    return {
      name: 'Paperboy',
      description: 'Trending ML papers from Hugging Face in your toolbar and new tab. Local-first, private, fast.',
      permissions: ['storage', 'alarms', 'unlimitedStorage'],
      host_permissions: [`${hfOrigin}/*`],
      icons,
      action: { default_title: 'Paperboy', default_icon: icons },
      ...(browser === 'firefox'
        ? { browser_specific_settings: { gecko: { id: 'paperboy@paperboy.dev', strict_min_version: '115.0' } } }
        : {}),
    };
  },
});
