import { afterEach, describe, expect, it, vi } from 'vitest';
import { createToastTimer, type HoldReason } from '../../../utils/triage/toast-timer';

describe('toast timer', () => {
  afterEach(() => vi.useRealTimers());

  function timer(ms: number) {
    vi.useFakeTimers();
    const expire = vi.fn();
    return { expire, timer: createToastTimer(expire, ms) };
  }

  it('leaves by itself after its time', () => {
    const { expire } = timer(6000);
    vi.advanceTimersByTime(5999);
    expect(expire).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(expire).toHaveBeenCalledOnce();
  });

  it('waits while hovered or focused, and counts only the time nobody held it', () => {
    const { expire, timer: t } = timer(6000);
    vi.advanceTimersByTime(4000);
    t.hold('hover');
    vi.advanceTimersByTime(60_000);
    expect(expire).not.toHaveBeenCalled();
    t.hold('focus');
    t.release('hover');
    vi.advanceTimersByTime(60_000);
    expect(expire).not.toHaveBeenCalled();
    t.release('focus');
    vi.advanceTimersByTime(1999);
    expect(expire).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(expire).toHaveBeenCalledOnce();
  });

  it('waits while the page is hidden, with no timer running', () => {
    const { expire, timer: t } = timer(6000);
    t.hold('hidden' satisfies HoldReason);
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(60_000);
    t.release('hidden');
    vi.advanceTimersByTime(6000);
    expect(expire).toHaveBeenCalledOnce();
  });

  it('does nothing once stopped (the message closed or was replaced)', () => {
    const { expire, timer: t } = timer(6000);
    t.stop();
    t.release('hover');
    vi.advanceTimersByTime(60_000);
    expect(expire).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });
});
