/** How long a message stays: long enough to read, longer when it offers Undo. */
export const TOAST_MS = 6000;
export const TOAST_UNDO_MS = 10_000;

/** Why a message waits: the pointer is on it, focus is in it, or the page is not visible. */
export type HoldReason = 'hover' | 'focus' | 'hidden';

export interface ToastTimer {
  /** The message waits while any reason holds; time already shown still counts. */
  hold(reason: HoldReason): void;
  release(reason: HoldReason): void;
  stop(): void;
}

interface Clock {
  now: () => number;
  setTimeout: (run: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
}

const realClock: Clock = {
  now: () => Date.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * Calls `expire` once a message has been shown for `ms`, counting only the time nobody held it
 * (WCAG 2.2.1: a user who is reading or about to press Undo is never raced). One timer at a time,
 * none while held: a message waiting on a hidden page costs nothing.
 */
export function createToastTimer(expire: () => void, ms: number, clock: Clock = realClock): ToastTimer {
  const holds = new Set<HoldReason>();
  let remaining = ms;
  let startedAt = 0;
  let handle: unknown;
  let stopped = false;
  const run = () => {
    if (stopped || handle !== undefined) return;
    startedAt = clock.now();
    handle = clock.setTimeout(() => {
      handle = undefined;
      stopped = true;
      expire();
    }, remaining);
  };
  const pause = () => {
    if (handle === undefined) return;
    clock.clearTimeout(handle);
    handle = undefined;
    remaining = Math.max(0, remaining - (clock.now() - startedAt));
  };
  run();
  return {
    hold(reason) {
      holds.add(reason);
      pause();
    },
    release(reason) {
      holds.delete(reason);
      if (holds.size === 0) run();
    },
    stop() {
      pause();
      stopped = true;
    },
  };
}
