import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backoffDelay, MAX_RATE_LIMIT_WAIT_MS, retryAfterMs } from '../../../utils/sync/retry';

const T0 = Date.UTC(2026, 5, 12, 9, 0, 0);
const MINUTE = 60_000;

describe('retry timing', () => {
  it('reads RateLimit t=, Retry-After seconds and HTTP dates', () => {
    const h = (init: Record<string, string>) => new Headers(init);
    expect(retryAfterMs(h({ RateLimit: '"api";r=0;t=42' }), T0)).toBe(42_000);
    expect(retryAfterMs(h({ ratelimit: 't=3' }), T0)).toBe(3_000);
    expect(retryAfterMs(h({ RateLimit: '"api";r=0;t=42', 'Retry-After': '5' }), T0)).toBe(42_000);
    expect(retryAfterMs(h({ 'Retry-After': ' 17 ' }), T0)).toBe(17_000);
    expect(retryAfterMs(h({ 'Retry-After': new Date(T0 + 61_000).toUTCString() }), T0)).toBe(61_000);
    expect(retryAfterMs(h({ 'Retry-After': new Date(T0 - 61_000).toUTCString() }), T0)).toBe(0);
    expect(retryAfterMs(h({ 'Retry-After': 'soon' }), T0)).toBeUndefined();
    expect(retryAfterMs(h({ RateLimit: '"api";r=0' }), T0)).toBeUndefined();
    expect(retryAfterMs(h({}), T0)).toBeUndefined();
  });

  it('caps absurd waits so one garbled header cannot stop syncing for good', () => {
    const h = (init: Record<string, string>) => new Headers(init);
    expect(retryAfterMs(h({ RateLimit: `"api";r=0;t=${'9'.repeat(30)}` }), T0)).toBe(MAX_RATE_LIMIT_WAIT_MS);
    expect(retryAfterMs(h({ 'Retry-After': '99999999' }), T0)).toBe(MAX_RATE_LIMIT_WAIT_MS);
    expect(retryAfterMs(h({ 'Retry-After': 'Fri, 31 Dec 9999 23:59:59 GMT' }), T0)).toBe(MAX_RATE_LIMIT_WAIT_MS);
  });

  it('backs off exponentially with jitter, between half and all of a bounded ceiling', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (failures, r) => {
        const ceiling = Math.min(60 * MINUTE, MINUTE * 2 ** (failures - 1));
        const delay = backoffDelay(failures, () => r);
        expect(delay).toBeGreaterThanOrEqual(ceiling / 2);
        expect(delay).toBeLessThanOrEqual(ceiling);
      }),
    );
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, () => 0))).toEqual([30_000, 60_000, 120_000, 240_000]);
  });
});

