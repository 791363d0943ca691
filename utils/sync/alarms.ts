import { browser } from 'wxt/browser';
import type { SyncStatus } from '../data/sync-status';
import { RETRY_ALARM, SYNC_ALARM, SYNC_PERIOD_MINUTES } from './schedule';

/** A recreated periodic alarm whose sync is already due fires this soon, not a period later. */
const DUE_ALARM_DELAY_MS = 60_000;

/** The retry alarm follows the stored status: set while an early retry is due, else cleared. */
export async function scheduleRetry(status: SyncStatus, now: number): Promise<void> {
  if (status.nextAttemptAt === undefined) await browser.alarms.clear(RETRY_ALARM);
  else await browser.alarms.create(RETRY_ALARM, { when: Math.max(status.nextAttemptAt, now + 1000) });
}

/**
 * (Re)creates the periodic alarm with `periodMinutes`: its next sync comes a period after the
 * last attempt, or a minute from now when that time has passed.
 */
export async function schedulePeriodic(status: SyncStatus, now: number, periodMinutes: number): Promise<void> {
  const due = (status.lastAttemptAt ?? now) + periodMinutes * 60_000;
  await browser.alarms.create(SYNC_ALARM, { when: Math.max(due, now + DUE_ALARM_DELAY_MS), periodInMinutes: periodMinutes });
}

/**
 * On every start of the background: both alarms exist as the stored status and the period
 * setting say. Returns whether a sync is due at once: a retry was missed, or the periodic sync is
 * overdue by more than a period (the browser was closed, or lost the alarm).
 */
export async function restoreAlarms(status: SyncStatus, now: () => number, periodMinutes = SYNC_PERIOD_MINUTES): Promise<boolean> {
  const [alarm, retry] = await Promise.all([browser.alarms.get(SYNC_ALARM), browser.alarms.get(RETRY_ALARM)]);
  const periodMs = periodMinutes * 60_000;
  const due = (status.lastAttemptAt ?? now()) + periodMs;
  if (alarm?.periodInMinutes !== periodMinutes) await schedulePeriodic(status, now(), periodMinutes);
  const next = status.nextAttemptAt;
  const retryLost = next !== undefined && !retry;
  if (retryLost && next > now()) await scheduleRetry(status, now());
  const overdue = now() - due > periodMs;
  return overdue || (retryLost && next <= now());
}

/** The alarms that start a sync: the periodic one and the early retry. */
export function isSyncAlarm(name: string): boolean {
  return name === SYNC_ALARM || name === RETRY_ALARM;
}
