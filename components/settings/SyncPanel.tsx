import { formatCount } from '../../utils/lib/format';
import { t } from '../../utils/lib/i18n';
import { SYNC_PERIOD_CHOICES } from '../../utils/settings/defaults';
import type { StatusText } from '../../utils/pages/sync-status-text';
import { LIVE_FEEDS, viewLabel, type LiveFeed } from '../../utils/views/view-id';
import { SettingSelect } from './SettingSelect';
import type { SettingsProps } from './types';

function periodLabel(minutes: number): string {
  if (minutes < 60) return t('options.sync.everyMinutes', [formatCount(minutes)]);
  const hours = minutes / 60;
  return hours === 1 ? t('options.sync.everyHour') : hours === 24 ? t('options.sync.daily') : t('options.sync.everyHours', [formatCount(hours)]);
}

/** Which Hugging Face lists the background keeps, and how often. */
export function SyncPanel({ settings, onChange, origin, status }: SettingsProps & { origin: string; status?: StatusText }) {
  const toggle = (feed: LiveFeed, on: boolean) => {
    const feeds = on ? [...settings.liveFeeds, feed] : settings.liveFeeds.filter((f) => f !== feed);
    if (feeds.length > 0) onChange('liveFeeds', LIVE_FEEDS.filter((f) => feeds.includes(f)));
  };
  const choices = [...new Set<number>([...SYNC_PERIOD_CHOICES, settings.syncPeriodMinutes])].sort((a, b) => a - b);
  return (
    <section class="panel" aria-labelledby="sync-title">
      <h2 id="sync-title">{t('options.sync.title')}</h2>
      <p class="hint">
        {t('options.sync.sourceBefore')} <code>{origin}</code>
        {/* The words after the address bring their own space (none before a German full stop). */}
        {t('options.sync.sourceAfter')}
      </p>
      {status && (
        <p class="hint" data-role="sync-status" title={status.title}>
          {status.text}
          {status.detail && ` · ${status.detail}`}
        </p>
      )}
      <fieldset class="setting" data-setting="live-feeds">
        <legend class="field">{t('options.sync.lists')}</legend>
        {LIVE_FEEDS.map((feed) => {
          const on = settings.liveFeeds.includes(feed);
          const last = on && settings.liveFeeds.length === 1;
          return (
            <label class="check" key={feed}>
              <input type="checkbox" data-feed={feed} checked={on} disabled={last} onChange={(event) => toggle(feed, event.currentTarget.checked)} />
              {viewLabel(feed)}
              {last && <span class="hint"> {t('options.sync.lastOne')}</span>}
            </label>
          );
        })}
      </fieldset>
      <SettingSelect
        setting="sync-period-minutes"
        label={t('options.sync.period')}
        value={settings.syncPeriodMinutes}
        choices={choices.map((minutes) => ({ value: minutes, label: periodLabel(minutes) }))}
        onChange={(minutes) => onChange('syncPeriodMinutes', minutes)}
      />
    </section>
  );
}
