import type { ResolvedConfig } from 'vite';
import { describe, expect, it } from 'vitest';
import { DEV_SEARCH_WORKER_STUB, devSearchWorker, devSearchWorkerStub } from '../../../utils/search/dev-worker';

// The dev server half of the fix for the cross-origin search worker (tests/e2e/dev.e2e.test.ts
// runs it for real); these pin what keeps it out of every build and away from other imports.

function loaded(id: string): unknown {
  const plugin = devSearchWorker();
  (plugin.configResolved as (config: Pick<ResolvedConfig, 'root'>) => void)({ root: '/repo' });
  return (plugin.load as (id: string) => unknown)(id);
}

describe('the dev-only search worker stub', () => {
  it('only runs on the dev server, ahead of Vite’s own worker plugin', () => {
    expect(devSearchWorker()).toMatchObject({ apply: 'serve', enforce: 'pre' });
  });

  it('starts the worker from the packaged stub, as a module worker with the caller’s name', () => {
    const code = String(loaded('/repo/utils/search/search.worker.ts?sharedworker'));
    expect(code).toContain(`new SharedWorker(${JSON.stringify(DEV_SEARCH_WORKER_STUB)}, { type: 'module', name: options?.name })`);
    // Callers `new` the default export: it must be a function, not an arrow.
    expect(code).toMatch(/^export default function /);
  });

  it('leaves every other import to Vite', () => {
    expect(loaded('/repo/utils/search/search.worker.ts')).toBeUndefined();
    expect(loaded('/repo/utils/search/search.worker.ts?worker_file&type=module')).toBeUndefined();
    expect(loaded('/repo/utils/other.worker.ts?sharedworker')).toBeUndefined();
  });

  it('the stub imports the worker module from the dev server', () => {
    expect(devSearchWorkerStub('http://localhost:3000')).toBe("import 'http://localhost:3000/utils/search/search.worker.ts?worker_file&type=module';\n");
  });
});
