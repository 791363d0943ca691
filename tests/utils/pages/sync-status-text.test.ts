import { describe, expect, it } from 'vitest';
import { type SyncStatus } from '../../../utils/data/sync-status';
import { formatDateTime } from '../../../utils/lib/format';
import { describeSyncStatus } from '../../../utils/pages/sync-status-text';

// What the popup and the new tab say after each kind of outcome: one line, no modal, and a
// tooltip with the whole story.
const NOW = Date.UTC(2026, 5, 12, 12, 0, 0);
const MINUTE = 60_000;
const synced = NOW - 30 * MINUTE;

function status(extra: Partial<SyncStatus>): SyncStatus {
  return { lastAttemptAt: NOW, lastSuccessAt: synced, feeds: {}, ...extra };
}

describe('sync status in plain words', () => {
  it('a good sync: when, and nothing to worry about', () => {
    const shown = describeSyncStatus(status({ lastAttemptAt: synced }), false, NOW);
    expect(shown).toMatchObject({ text: 'Synced 30 minutes ago', tone: 'ok', detail: undefined });
    expect(shown.title).toMatch(/^Last synced: /);
  });

  it('a rate limit: what HF asked for, what is shown, and when the next try is', () => {
    const shown = describeSyncStatus(
      status({
        lastError: { kind: 'rate-limited', message: 'Hugging Face asked us to wait 4 min', at: NOW },
        nextAttemptAt: NOW + 4 * MINUTE,
        rateLimitedUntil: NOW + 4 * MINUTE,
        failures: 1,
      }),
      false,
      NOW,
    );
    expect(shown.text).toMatch(/^Hugging Face asked us to wait 4 min — showing data from /);
    expect(shown.tone).toBe('warn');
    expect(shown.detail).toBe('next try in 4 min');
    const lines = shown.title!.split('\n');
    expect(lines[0]).toMatch(/^Last synced: /);
    expect(lines[1]).toMatch(/^Last error: Hugging Face asked us to wait 4 min \(/);
    expect(lines[2]).toBe('Next try: in 4 min');
  });

  it('offline on a first run: the snapshot is what is shown', () => {
    const shown = describeSyncStatus(
      { lastAttemptAt: NOW, lastError: { kind: 'offline', message: 'Could not reach Hugging Face: you may be offline', at: NOW }, nextAttemptAt: NOW + MINUTE, feeds: {} },
      false,
      NOW,
    );
    expect(shown.text).toBe('Offline — showing the bundled snapshot');
    expect(shown.title).toContain('Never synced');
    expect(shown.title).toContain('Last error: Could not reach Hugging Face: you may be offline');
  });

  it('early retries used up: the next try is the periodic sync, not a time that will pass silently', () => {
    const shown = describeSyncStatus(status({ lastError: { kind: 'server', message: 'Hugging Face had a server error (HTTP 503)', at: NOW }, failures: 4 }), false, NOW);
    expect(shown.detail).toBe('next try with the 60-minute sync');
  });

  it('a retry whose time has come says so', () => {
    const shown = describeSyncStatus(status({ lastError: { kind: 'timeout', message: 'x', at: NOW }, nextAttemptAt: NOW - 1 }), false, NOW);
    expect(shown.detail).toBe('next try shortly');
  });

  it('skipped items are counted where they are visible', () => {
    const shown = describeSyncStatus(
      status({ lastAttemptAt: synced, feeds: { 'hf-daily': { fetchedAt: synced, count: 28, skipped: 2 }, 'hf-trending': { fetchedAt: synced, count: 50, skipped: 1 } } }),
      false,
      NOW,
    );
    expect(shown.detail).toBe('3 unreadable items skipped');
    expect(shown.title).toContain('Skipped: 3 items Hugging Face sent could not be read');
  });

  it('an error older than the last success is history: the tooltip keeps it, the headline does not', () => {
    const shown = describeSyncStatus(status({ lastAttemptAt: synced, lastError: { kind: 'server', message: 'old trouble', at: synced - MINUTE } }), false, NOW);
    expect(shown.text).toBe('Synced 30 minutes ago');
    expect(shown.title).toContain('Last error: old trouble');
    expect(shown.title).not.toContain('Next try');
  });
});

describe('describeSyncStatus: the first run, a sync under way, success then failure', () => {
  it('says when nothing was synced yet', () => {
    expect(describeSyncStatus({ feeds: {} }, false, NOW)).toEqual({ text: 'Not synced yet — showing the bundled snapshot', tone: 'idle', title: 'Never synced' });
  });

  it('says syncing while a sync runs', () => {
    expect(describeSyncStatus({ feeds: {}, lastSuccessAt: NOW }, true, NOW).text).toBe('Syncing…');
  });

  it('reports a success, and a failure after it with the time of the last good data', () => {
    expect(describeSyncStatus({ feeds: {}, lastSuccessAt: NOW - 10_000 }, false, NOW)).toEqual({
      text: 'Synced just now',
      tone: 'ok',
      title: `Last synced: ${formatDateTime(NOW - 10_000)}`,
    });
    const failed: SyncStatus = {
      feeds: {},
      lastSuccessAt: NOW - 60 * MINUTE,
      lastError: { kind: 'offline', message: 'Could not reach Hugging Face', at: NOW },
      nextAttemptAt: NOW + 45_000,
    };
    expect(describeSyncStatus(failed, false, NOW)).toMatchObject({ tone: 'warn', text: expect.stringMatching(/^Offline — showing data from /), detail: 'next try in 45 s' });
    expect(describeSyncStatus({ ...failed, lastSuccessAt: undefined }, false, NOW).text).toBe('Offline — showing the bundled snapshot');
    expect(describeSyncStatus({ ...failed, lastSuccessAt: NOW + 1 }, false, NOW + 2).tone).toBe('ok');
  });
});
