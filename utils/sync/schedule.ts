/** The periodic sync's alarm and period, and the alarm of an early retry after a failure. */
export const SYNC_ALARM = 'paperboy-sync';
export const RETRY_ALARM = 'paperboy-retry';
export const SYNC_PERIOD_MINUTES = 60;
export const SYNC_PERIOD_MS = SYNC_PERIOD_MINUTES * 60_000;
