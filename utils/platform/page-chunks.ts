// How the pages' JavaScript is cut into files (wxt.config.ts, a Rollup `manualChunks`). It runs
// in Node at build time, so it must stay free of `browser.*` and of the DOM.
//
// Left to itself Rollup cuts the new tab's app into a dozen files: one per set of pages that
// shares a module. On a first visit (no boot copy) the entry script then waits for each of them
// to come back from the browser's extension loader, and that wait sat on the way to the first
// paper. The pages' code is cut in three layers instead:
//   - `boot`: what the pages' entry scripts load before the first paint (utils/pages/boot),
//     one small file for every page, and `boot-<page>`: what only that page's entry loads (its
//     first screen drawn ahead, utils/pages/boot/popup-sketch.ts, newtab-sketch.ts), so neither
//     entry loads the other's (an app that imports it loads it too, after the first paint);
//   - `app`: what the new tab's and the popup's apps both load, one file;
//   - `app-<page>`: what only that page's app loads, one file.
// Code an app loads later on demand (dynamic imports inside it: the rules engine, the citation
// formats) keeps its own files, and so does the options page's own code.

/** What Rollup tells `manualChunks` about a module. */
export interface ModuleFacts {
  isEntry: boolean;
  importedIds: readonly string[];
  dynamicallyImportedIds: readonly string[];
}

export interface ChunkGraph {
  getModuleIds(): IterableIterator<string>;
  getModuleInfo(id: string): ModuleFacts | null;
}

/** The pages whose first paint matters, as their entry HTML's folder (`entrypoints/<page>/`). */
export const FAST_PAGES = ['newtab', 'popup'] as const;

const pageOf = (id: string): string | undefined => FAST_PAGES.find((page) => new RegExp(`[\\\\/]entrypoints[\\\\/]${page}[\\\\/]`).test(id));

/** Stylesheets are Vite's to place (each page's CSS file); a chunk name would not move them. */
const isStyle = (id: string) => /\.(css|scss|sass|less|styl)(\?|$)/.test(id);

/**
 * Returns Rollup's `manualChunks` for the pages' build. The layers are worked out once, on the
 * first call, from the whole module graph (Rollup has it complete by then).
 */
export function pageChunks(): (id: string, graph: ChunkGraph) => string | undefined {
  let names: Map<string, string> | undefined;
  return (id, graph) => {
    names ??= chunkNames(graph);
    return names.get(id);
  };
}

/** Each module's chunk name, for the modules this file places (the rest are left to Rollup). */
export function chunkNames(graph: ChunkGraph): Map<string, string> {
  const info = (id: string) => graph.getModuleInfo(id);
  /** Every module reachable from `roots` through static imports, without crossing `stop`. */
  const reach = (roots: readonly string[], stop: ReadonlySet<string> = new Set()): Set<string> => {
    const found = new Set<string>();
    const queue = [...roots];
    while (queue.length > 0) {
      const id = queue.pop()!;
      if (found.has(id) || stop.has(id)) continue;
      found.add(id);
      queue.push(...(info(id)?.importedIds ?? []));
    }
    return found;
  };
  const all = [...graph.getModuleIds()];
  const entries = new Map<string, string[]>();
  for (const id of all) {
    const page = pageOf(id);
    if (page && info(id)?.isEntry) entries.set(page, [...(entries.get(page) ?? []), id]);
  }
  const bootOf = new Map([...entries].map(([page, roots]) => [page, reach(roots)]));
  const boot = new Set([...bootOf.values()].flatMap((ids) => [...ids]));
  // Each page's app: what its boot modules import dynamically, with all they import statically.
  const appOf = new Map(
    [...bootOf].map(([page, ids]) => [page, reach([...ids].flatMap((id) => info(id)?.dynamicallyImportedIds ?? []), boot)]),
  );
  const names = new Map<string, string>();
  for (const id of boot) {
    // A page's own entry module (and its HTML) stays the page's file; the rest is boot code.
    if (info(id)?.isEntry || pageOf(id) || isStyle(id)) continue;
    const pages = [...bootOf].filter(([, ids]) => ids.has(id)).map(([page]) => page);
    names.set(id, pages.length === 1 && bootOf.size > 1 ? `boot-${pages[0]}` : 'boot');
  }
  for (const [page, ids] of appOf) {
    for (const id of ids) {
      if (isStyle(id)) continue;
      const pages = [...appOf].filter(([, other]) => other.has(id)).map(([name]) => name);
      names.set(id, pages.length > 1 ? 'app' : `app-${page}`);
    }
  }
  return names;
}
