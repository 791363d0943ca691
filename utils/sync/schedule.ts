import { DEFAULTS } from '../settings/defaults';

/** The periodic sync's alarm, and the alarm of an early retry after a failure. */
export const SYNC_ALARM = 'paperboy-sync';
export const RETRY_ALARM = 'paperboy-retry';
/** The periodic sync's period until the user picks another (the `sync-period-minutes` setting). */
export const SYNC_PERIOD_MINUTES = DEFAULTS.syncPeriodMinutes;
export const SYNC_PERIOD_MS = SYNC_PERIOD_MINUTES * 60_000;
