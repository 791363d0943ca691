/**
 * Runs `next` once the page's next frame is out (rendered, not yet on screen), in a task of its
 * own after it: what it starts does not hold that frame back. A hidden page has no frames: `next`
 * runs at once, or as soon as the page is hidden before that frame comes. Returns what cancels it.
 */
export function afterFirstFrame(next: () => void): () => void {
  let settled = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let frame: number | undefined;
  const stop = () => {
    settled = true;
    if (frame !== undefined) cancelAnimationFrame(frame);
    clearTimeout(timer);
    document.removeEventListener('visibilitychange', start);
  };
  const start = () => {
    if (settled) return;
    stop();
    next();
  };
  if (document.visibilityState !== 'visible') {
    start();
    return stop;
  }
  document.addEventListener('visibilitychange', start);
  frame = requestAnimationFrame(() => (timer = setTimeout(start)));
  return stop;
}

/**
 * Runs `next` once the page's first contentful paint is on screen: presented, not only rendered
 * (the frame `afterFirstFrame` waits for is rendered at about 130 ms and can reach the screen tens
 * of milliseconds later, while the compositor and the GPU process share two cores with whatever
 * the page starts next). Where the browser reports no paint timing, after the first frame. A
 * hidden page paints nothing: `next` runs at once, or as soon as the page is hidden before that
 * paint; and at the latest `capMs` after the call. Returns what cancels it.
 */
export function afterFirstContentfulPaint(next: () => void, capMs = 1000): () => void {
  if (!globalThis.PerformanceObserver?.supportedEntryTypes?.includes('paint')) return afterFirstFrame(next);
  let settled = false;
  const stop = () => {
    settled = true;
    observer.disconnect();
    clearTimeout(cap);
    document.removeEventListener('visibilitychange', start);
  };
  const start = () => {
    if (settled) return;
    stop();
    next();
  };
  const observer = new PerformanceObserver((list) => {
    if (list.getEntriesByName('first-contentful-paint').length > 0) start();
  });
  const cap = setTimeout(start, capMs);
  if (document.visibilityState !== 'visible') {
    start();
    return stop;
  }
  document.addEventListener('visibilitychange', start);
  observer.observe({ type: 'paint', buffered: true });
  return stop;
}
