import { resolve } from 'node:path';
import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { resolveArxivOrigin } from './utils/arxiv-origin';
import { resolveHfOrigin } from './utils/hf-origin';

const ICON_SIZES = [16, 32, 48, 128] as const;

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: a reader sees every dependency.
  imports: false,
  // Firefox gets Manifest V3 too (WXT defaults it to MV2).
  manifestVersion: 3,
  // The search worker is an ES module worker (extension pages support them in Chrome and Firefox).
  vite: () => ({ plugins: [preact()], worker: { format: 'es' } }),
  hooks: {
    // Icons live in assets/ with the rest of the static files; copy them into the package.
    'build:publicAssets': (_wxt, files) => {
      for (const size of ICON_SIZES) {
        files.push({ absoluteSrc: resolve(import.meta.dirname, `assets/icons/${size}.png`), relativeDest: `icon/${size}.png` });
      }
    },
  },
  // WXT_* variables are read here, not at the top: env files load after the config module.
  manifest: ({ browser }) => {
    const hfOrigin = resolveHfOrigin(import.meta.env.WXT_HF_ORIGIN ?? process.env.WXT_HF_ORIGIN);
    const arxivOrigin = resolveArxivOrigin(import.meta.env.WXT_ARXIV_ORIGIN ?? process.env.WXT_ARXIV_ORIGIN);
    const icons = Object.fromEntries(ICON_SIZES.map((size) => [size, `icon/${size}.png`]));
    return {
      name: 'Paperboy',
      description: 'Trending ML papers from Hugging Face in your toolbar and new tab. Local-first, private, fast.',
      permissions: ['storage', 'alarms', 'unlimitedStorage'],
      host_permissions: [`${hfOrigin}/*`],
      // arXiv category feeds are opt-in: requested when the user adds one.
      optional_host_permissions: [`${arxivOrigin}/*`],
      icons,
      action: { default_title: 'Paperboy', default_icon: icons },
      ...(browser === 'firefox'
        ? { browser_specific_settings: { gecko: { id: 'paperboy@paperboy.dev', strict_min_version: '115.0' } } }
        : {}),
    };
  },
});
