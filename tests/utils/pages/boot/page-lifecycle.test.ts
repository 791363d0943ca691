import { describe, expect, it } from 'vitest';
import { requestPersistence } from '../../../../utils/pages/boot/page-lifecycle';

function storage(persisted: boolean, grants: boolean) {
  const calls: string[] = [];
  const manager = {
    persisted: async () => (calls.push('persisted'), persisted),
    persist: async () => (calls.push('persist'), grants),
  } as unknown as StorageManager;
  return { manager, calls };
}

describe('persistent storage', () => {
  it('asks only when the data is not already kept', async () => {
    const already = storage(true, true);
    expect(await requestPersistence(already.manager)).toBe('persisted');
    expect(already.calls).toEqual(['persisted']);

    const asked = storage(false, true);
    expect(await requestPersistence(asked.manager)).toBe('granted');
    expect(asked.calls).toEqual(['persisted', 'persist']);
  });

  it('reports a refusal and a browser without the API, so the options page can say so', async () => {
    expect(await requestPersistence(storage(false, false).manager)).toBe('denied');
    expect(await requestPersistence(undefined)).toBe('unsupported');
    expect(await requestPersistence({} as StorageManager)).toBe('unsupported');
  });
});
