/**
 * Runs `callback` once the browser is idle (`requestIdleCallback`, at most `timeoutMs` later),
 * or after a short timeout in engines without it. Returns what cancels it.
 */
export function whenIdle(callback: () => void, timeoutMs = 2000): () => void {
  if (typeof requestIdleCallback !== 'function') {
    const timer = setTimeout(callback, 200);
    return () => clearTimeout(timer);
  }
  const handle = requestIdleCallback(callback, { timeout: timeoutMs });
  return () => cancelIdleCallback(handle);
}
