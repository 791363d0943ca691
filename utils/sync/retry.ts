/** Exponential backoff with full jitter, bounded: 1, 2, 4 … minutes up to `maxMs`. */
export function backoffDelay(failures: number, random: () => number, baseMs = 60_000, maxMs = 60 * 60_000): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, failures - 1));
  // Half fixed, half random: never a retry storm, never two profiles in lock-step.
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** The longest wait a 429 can impose: a garbled header must not stop syncing for good. */
export const MAX_RATE_LIMIT_WAIT_MS = 24 * 60 * 60_000;

/**
 * How long HF asked us to wait, in ms, from a 429's headers: the IETF `RateLimit` field
 * (`"api";r=0;t=42`), then `Retry-After` as seconds or an HTTP date. Undefined when neither says.
 */
export function retryAfterMs(headers: Headers, now: number): number | undefined {
  const rateLimit = headers.get('ratelimit');
  const t = rateLimit ? /(?:^|[;,\s])t=(\d+)/.exec(rateLimit)?.[1] : undefined;
  if (t !== undefined) return Math.min(Number(t) * 1000, MAX_RATE_LIMIT_WAIT_MS);
  const retryAfter = headers.get('retry-after')?.trim();
  if (!retryAfter) return undefined;
  if (/^\d+$/.test(retryAfter)) return Math.min(Number(retryAfter) * 1000, MAX_RATE_LIMIT_WAIT_MS);
  const date = Date.parse(retryAfter);
  return Number.isFinite(date) ? Math.min(Math.max(0, date - now), MAX_RATE_LIMIT_WAIT_MS) : undefined;
}
