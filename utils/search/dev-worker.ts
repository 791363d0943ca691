import type { Plugin } from 'vite';

// `npm run dev` only; wxt.config.ts wires both halves, and no build contains either.
//
// In dev, WXT serves the pages' scripts from Vite's dev server, so Vite's `?sharedworker` import
// starts the search worker from http://localhost:<port>/…: a cross-origin script for a
// chrome-extension:// page. Chromium (150 here) kills the page's renderer for that ("Aw, Snap!
// RESULT_CODE_KILLED_BAD_MESSAGE"; its log names bad-message reason 341,
// SWSI_CROSS_ORIGIN_SCRIPT_URL), and the HTML spec fetches a worker's script same-origin only
// anyway. The same cause, reported upstream for dedicated workers:
// https://github.com/wxt-dev/wxt/issues/2599
//
// So in dev the page starts the worker from a stub packaged with the extension (same origin as
// the pages, so it opens their database), and the stub imports the worker's module from the dev
// server: module imports may cross origins, and the dev manifest's CSP and host permissions let
// extension code load from that server, as the pages' own scripts do.

/** Where the stub sits in the dev package. */
export const DEV_SEARCH_WORKER_STUB = '/search.worker.dev.js';
/** The worker's module, from the project root. */
const SOURCE = 'utils/search/search.worker.ts';

/**
 * The stub's text: a static import, so the whole module graph has run (and set `onconnect`)
 * before the worker's first `connect` event. The query is how Vite's dev server serves a module
 * worker (the URL its own `?sharedworker` wrapper would pass).
 */
export function devSearchWorkerStub(devServerOrigin: string): string {
  return `import '${devServerOrigin}/${SOURCE}?worker_file&type=module';\n`;
}

/** Dev server only: `./search.worker?sharedworker` starts the worker from the packaged stub. */
export function devSearchWorker(): Plugin {
  let source = '';
  return {
    name: 'paperboy:dev-search-worker',
    apply: 'serve',
    // Ahead of Vite's own worker plugin, which would answer with the dev server's URL.
    enforce: 'pre',
    configResolved(config) {
      source = `${config.root}/${SOURCE}`;
    },
    load(id) {
      const [file, query = ''] = id.split('?');
      if (file !== source || !/(^|&)sharedworker(&|$)/.test(query)) return undefined;
      // A function, not an arrow: callers `new` it, as they do Vite's own wrapper.
      return `export default function SearchWorker(options) {
  return new SharedWorker(${JSON.stringify(DEV_SEARCH_WORKER_STUB)}, { type: 'module', name: options?.name });
}
`;
    },
  };
}
