import { describe, expect, it } from 'vitest';
import { chunkNames, pageChunks, type ChunkGraph, type ModuleFacts } from '../../../utils/platform/page-chunks';

const ROOT = '/repo';
type Edges = { imports?: string[]; dynamic?: string[]; entry?: boolean };

/** A module graph as Rollup reports it, from short names (`newtab/main.tsx` → /repo/entrypoints/newtab/main.tsx). */
function graph(modules: Record<string, Edges>): ChunkGraph {
  const id = (name: string) => (name.startsWith('\0') ? name : `${ROOT}/${name}`);
  const facts = new Map<string, ModuleFacts>(
    Object.entries(modules).map(([name, edges]) => [
      id(name),
      { isEntry: edges.entry ?? false, importedIds: (edges.imports ?? []).map(id), dynamicallyImportedIds: (edges.dynamic ?? []).map(id) },
    ]),
  );
  return { getModuleIds: () => facts.keys(), getModuleInfo: (name) => facts.get(name) ?? null };
}

/** Two fast pages and the options page, as the real ones are wired (entry → boot → apps loaded later). */
const PAGES = graph({
  'entrypoints/newtab/index.html': { entry: true, imports: ['entrypoints/newtab/main.tsx'] },
  'entrypoints/newtab/main.tsx': { imports: ['assets/paperboy.css', 'utils/pages/boot/start-page.ts', '\0vite/preload-helper.js'], dynamic: ['entrypoints/newtab/App.tsx'] },
  'entrypoints/popup/index.html': { entry: true, imports: ['entrypoints/popup/main.tsx'] },
  'entrypoints/popup/main.tsx': { imports: ['assets/paperboy.css', 'utils/pages/boot/start-page.ts', 'utils/pages/boot/popup-sketch.ts', '\0vite/preload-helper.js'], dynamic: ['entrypoints/popup/App.tsx'] },
  'utils/pages/boot/popup-sketch.ts': { imports: ['components/row-words.ts', 'utils/settings/mirror.ts'] },
  'components/row-words.ts': {},
  'entrypoints/options/index.html': { entry: true, imports: ['entrypoints/options/main.tsx'] },
  'entrypoints/options/main.tsx': { imports: ['entrypoints/options/App.tsx'] },
  'entrypoints/options/App.tsx': { imports: ['utils/settings/use-settings.ts', 'components/OptionsOnly.tsx'] },
  'components/OptionsOnly.tsx': {},
  'assets/paperboy.css': {},
  '\0vite/preload-helper.js': {},
  'utils/pages/boot/start-page.ts': { imports: ['utils/settings/mirror.ts'], dynamic: ['utils/data/db.ts', 'utils/pages/boot/take-over.tsx'] },
  'utils/settings/mirror.ts': {},
  'utils/data/db.ts': { imports: ['node_modules/dexie/dist/dexie.js'] },
  'node_modules/dexie/dist/dexie.js': {},
  'utils/pages/boot/take-over.tsx': { imports: ['node_modules/preact/dist/preact.mjs'] },
  'node_modules/preact/dist/preact.mjs': {},
  'entrypoints/newtab/App.tsx': { imports: ['components/PaperCard.tsx', 'entrypoints/newtab/PaperList.tsx', 'utils/settings/use-settings.ts', 'components/card.css'], dynamic: ['utils/lib/citation.ts'] },
  'entrypoints/newtab/PaperList.tsx': { imports: ['components/PaperCard.tsx', 'components/row-words.ts'] },
  'entrypoints/popup/App.tsx': { imports: ['components/PaperCard.tsx', 'components/PopupOnly.tsx'] },
  'components/PaperCard.tsx': { imports: ['node_modules/preact/dist/preact.mjs', 'utils/settings/mirror.ts'] },
  'components/PopupOnly.tsx': {},
  'components/card.css': {},
  'utils/settings/use-settings.ts': { imports: ['utils/data/db.ts'] },
  'utils/lib/citation.ts': { imports: ['utils/lib/citation-formats.ts'] },
  'utils/lib/citation-formats.ts': {},
});

describe('page chunks', () => {
  const names = chunkNames(PAGES);
  const nameOf = (name: string) => names.get(name.startsWith('\0') ? name : `${ROOT}/${name}`);

  it('puts what the entry scripts import before the first paint in one boot file shared by the pages', () => {
    expect(nameOf('utils/pages/boot/start-page.ts')).toBe('boot');
    expect(nameOf('utils/settings/mirror.ts')).toBe('boot');
    expect(nameOf('\0vite/preload-helper.js')).toBe('boot');
  });

  it("puts what only one page's entry imports in a boot file of that page's, even where the other page's app imports it too", () => {
    expect(nameOf('utils/pages/boot/popup-sketch.ts')).toBe('boot-popup');
    // The new tab's list imports it (after its first paint); the new tab's entry does not wait for it.
    expect(nameOf('components/row-words.ts')).toBe('boot-popup');
    // Imported by both entries: shared.
    expect(nameOf('utils/settings/mirror.ts')).toBe('boot');
  });

  it("leaves each page's entry module and HTML in the page's own file", () => {
    expect(nameOf('entrypoints/newtab/main.tsx')).toBeUndefined();
    expect(nameOf('entrypoints/newtab/index.html')).toBeUndefined();
    expect(nameOf('entrypoints/popup/main.tsx')).toBeUndefined();
  });

  it('puts what both apps load (the database, Preact, shared components) in one app file', () => {
    for (const shared of ['utils/data/db.ts', 'node_modules/dexie/dist/dexie.js', 'utils/pages/boot/take-over.tsx', 'node_modules/preact/dist/preact.mjs', 'components/PaperCard.tsx']) {
      expect(nameOf(shared), shared).toBe('app');
    }
  });

  it("puts what only one page's app loads in that page's file", () => {
    expect(nameOf('entrypoints/newtab/App.tsx')).toBe('app-newtab');
    expect(nameOf('entrypoints/newtab/PaperList.tsx')).toBe('app-newtab');
    expect(nameOf('utils/settings/use-settings.ts')).toBe('app-newtab');
    expect(nameOf('entrypoints/popup/App.tsx')).toBe('app-popup');
    expect(nameOf('components/PopupOnly.tsx')).toBe('app-popup');
  });

  it("keeps a boot module in boot when an app imports it too (the entry must never wait for an app's file)", () => {
    // PaperCard (app) imports mirror.ts (boot): naming it `app` would make the boot file import the app's.
    expect(nameOf('utils/settings/mirror.ts')).toBe('boot');
  });

  it('leaves code loaded on demand, the options-only code and stylesheets to Rollup', () => {
    expect(nameOf('utils/lib/citation.ts')).toBeUndefined();
    expect(nameOf('utils/lib/citation-formats.ts')).toBeUndefined();
    expect(nameOf('components/OptionsOnly.tsx')).toBeUndefined();
    expect(nameOf('entrypoints/options/App.tsx')).toBeUndefined();
    expect(nameOf('assets/paperboy.css')).toBeUndefined();
    expect(nameOf('components/card.css')).toBeUndefined();
  });

  it('works the names out once per build, on the first call', () => {
    let reads = 0;
    const counting: ChunkGraph = { getModuleIds: () => (reads++, PAGES.getModuleIds()), getModuleInfo: (id) => PAGES.getModuleInfo(id) };
    const manualChunks = pageChunks();
    expect(manualChunks(`${ROOT}/utils/data/db.ts`, counting)).toBe('app');
    expect(manualChunks(`${ROOT}/entrypoints/popup/App.tsx`, counting)).toBe('app-popup');
    expect(reads).toBe(1);
  });
});
