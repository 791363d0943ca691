// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { afterFirstContentfulPaint } from '../../../utils/lib/after-first-frame';

/** A PerformanceObserver that reports paint entries when the test says so. */
class FakeObserver {
  static supportedEntryTypes = ['paint', 'element'];
  static live = new Set<FakeObserver>();
  constructor(private readonly callback: (list: { getEntriesByName(name: string): { name: string }[] }) => void) {}
  observe(options: { type: string }) {
    if (options.type === 'paint') FakeObserver.live.add(this);
  }
  disconnect() {
    FakeObserver.live.delete(this);
  }
  /** The browser reporting one paint (`first-paint`, `first-contentful-paint`) to every observer. */
  static paint(name: string) {
    for (const observer of [...FakeObserver.live]) observer.callback({ getEntriesByName: (wanted) => (wanted === name ? [{ name }] : []) });
  }
}

let frames: FrameRequestCallback[];
let visibility: DocumentVisibilityState;

beforeEach(() => {
  vi.useFakeTimers();
  frames = [];
  visibility = 'visible';
  FakeObserver.live.clear();
  vi.stubGlobal('PerformanceObserver', FakeObserver);
  vi.spyOn(window, 'requestAnimationFrame').mockImplementation((callback) => frames.push(callback));
  vi.spyOn(document, 'visibilityState', 'get').mockImplementation(() => visibility);
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('afterFirstContentfulPaint', () => {
  it('waits for the first contentful paint, not for a frame or a paint with no content', async () => {
    const next = vi.fn();
    afterFirstContentfulPaint(next);
    frames.splice(0).forEach((frame) => frame(performance.now()));
    FakeObserver.paint('first-paint');
    await vi.advanceTimersByTimeAsync(100);
    expect(next).not.toHaveBeenCalled();
    FakeObserver.paint('first-contentful-paint');
    expect(next).toHaveBeenCalledTimes(1);
    // Done with: it listens no more.
    expect(FakeObserver.live.size).toBe(0);
    FakeObserver.paint('first-contentful-paint');
    document.dispatchEvent(new Event('visibilitychange'));
    await vi.advanceTimersByTimeAsync(5000);
    expect(next).toHaveBeenCalledTimes(1);
  });

  it('runs at once in a hidden page, which paints nothing', () => {
    visibility = 'hidden';
    const next = vi.fn();
    afterFirstContentfulPaint(next);
    expect(next).toHaveBeenCalledTimes(1);
    expect(FakeObserver.live.size).toBe(0);
  });

  it('runs when the page is hidden before its paint, once', () => {
    const next = vi.fn();
    afterFirstContentfulPaint(next);
    visibility = 'hidden';
    document.dispatchEvent(new Event('visibilitychange'));
    expect(next).toHaveBeenCalledTimes(1);
    FakeObserver.paint('first-contentful-paint');
    expect(next).toHaveBeenCalledTimes(1);
  });

  it('runs at the latest after its cap, when no paint is reported', async () => {
    const next = vi.fn();
    afterFirstContentfulPaint(next, 500);
    await vi.advanceTimersByTimeAsync(499);
    expect(next).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(next).toHaveBeenCalledTimes(1);
  });

  it('runs nothing once cancelled', async () => {
    const next = vi.fn();
    const cancel = afterFirstContentfulPaint(next, 500);
    cancel();
    FakeObserver.paint('first-contentful-paint');
    await vi.advanceTimersByTimeAsync(1000);
    expect(next).not.toHaveBeenCalled();
  });

  it('waits for the first frame where the browser reports no paint timing', async () => {
    vi.stubGlobal('PerformanceObserver', class extends FakeObserver {
      static override supportedEntryTypes = ['element'];
    });
    const next = vi.fn();
    afterFirstContentfulPaint(next);
    expect(frames).toHaveLength(1);
    frames.splice(0).forEach((frame) => frame(performance.now()));
    expect(next).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(0);
    expect(next).toHaveBeenCalledTimes(1);
  });
});
