import { browser } from 'wxt/browser';
import type { SyncStatus } from '../data/sync-status';
import { RETRY_ALARM, SYNC_ALARM, SYNC_PERIOD_MINUTES, SYNC_PERIOD_MS } from './schedule';

/** A recreated periodic alarm whose sync is already due fires this soon, not a period later. */
const DUE_ALARM_DELAY_MS = 60_000;

/** The retry alarm follows the stored status: set while an early retry is due, else cleared. */
export async function scheduleRetry(status: SyncStatus, now: number): Promise<void> {
  if (status.nextAttemptAt === undefined) await browser.alarms.clear(RETRY_ALARM);
  else await browser.alarms.create(RETRY_ALARM, { when: Math.max(status.nextAttemptAt, now + 1000) });
}

/**
 * On every start of the background: both alarms exist as the stored status says. Returns whether
 * a sync is due at once: a retry was missed, or the periodic sync is overdue by more than a
 * period (the browser was closed, or lost the alarm).
 */
export async function restoreAlarms(status: SyncStatus, now: () => number): Promise<boolean> {
  const [alarm, retry] = await Promise.all([browser.alarms.get(SYNC_ALARM), browser.alarms.get(RETRY_ALARM)]);
  const due = (status.lastAttemptAt ?? now()) + SYNC_PERIOD_MS;
  if (!alarm) await browser.alarms.create(SYNC_ALARM, { when: Math.max(due, now() + DUE_ALARM_DELAY_MS), periodInMinutes: SYNC_PERIOD_MINUTES });
  const next = status.nextAttemptAt;
  const retryLost = next !== undefined && !retry;
  if (retryLost && next > now()) await scheduleRetry(status, now());
  const overdue = now() - due > SYNC_PERIOD_MS;
  return overdue || (retryLost && next <= now());
}

/** The alarms that start a sync: the periodic one and the early retry. */
export function isSyncAlarm(name: string): boolean {
  return name === SYNC_ALARM || name === RETRY_ALARM;
}
