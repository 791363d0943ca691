/**
 * Runs `next` once: when `wait` calls the `go` it is given, or when the page is hidden first (a
 * hidden page has no frames and paints nothing; at once if it is hidden already). `wait` starts
 * waiting and returns what stops it. Returns what cancels the whole.
 */
function onceShownOrHidden(next: () => void, wait: (go: () => void) => () => void): () => void {
  let settled = false;
  let stopWaiting: (() => void) | undefined;
  const stop = () => {
    settled = true;
    stopWaiting?.();
    document.removeEventListener('visibilitychange', go);
  };
  const go = () => {
    if (settled) return;
    stop();
    next();
  };
  if (document.visibilityState !== 'visible') {
    go();
    return stop;
  }
  document.addEventListener('visibilitychange', go);
  stopWaiting = wait(go);
  if (settled) stopWaiting();
  return stop;
}

/**
 * Runs `next` once the page's next frame is out (rendered, not yet on screen), in a task of its
 * own after it: what it starts does not hold that frame back. A hidden page has no frames: `next`
 * runs at once, or as soon as the page is hidden before that frame comes. Returns what cancels it.
 */
export function afterFirstFrame(next: () => void): () => void {
  return onceShownOrHidden(next, (go) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => (timer = setTimeout(go)));
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  });
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
  return onceShownOrHidden(next, (go) => {
    const observer = new PerformanceObserver((list) => {
      if (list.getEntriesByName('first-contentful-paint').length > 0) go();
    });
    observer.observe({ type: 'paint', buffered: true });
    const cap = setTimeout(go, capMs);
    return () => {
      observer.disconnect();
      clearTimeout(cap);
    };
  });
}
