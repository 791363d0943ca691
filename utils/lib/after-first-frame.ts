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
