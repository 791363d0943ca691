import { t, type MessageKey } from '../../utils/lib/i18n';
import type { NotificationRules } from '../../utils/settings/defaults';
import { SettingSwitch } from './SettingSwitch';

interface Props {
  rules: NotificationRules;
  /** Whether the browser holds the permission now (undefined until known). */
  granted: boolean | undefined;
  /** Why the last attempt to turn them on did not work. */
  message?: string;
  onToggle: (on: boolean) => void;
  onRules: (change: Partial<NotificationRules>) => void;
}

const LIST_FIELDS = [
  { key: 'keywords', setting: 'notify-keywords', label: 'options.notify.keywords', placeholder: 'options.notify.keywordsExample' },
  { key: 'authors', setting: 'notify-authors', label: 'options.notify.authors', placeholder: 'options.notify.authorsExample' },
  { key: 'organizations', setting: 'notify-organizations', label: 'options.notify.organizations', placeholder: 'options.notify.organizationsExample' },
] as const satisfies readonly { key: string; setting: string; label: MessageKey; placeholder: MessageKey }[];

const terms = (text: string) => text.split(',').map((term) => term.trim()).filter(Boolean);

function permissionNote(rules: NotificationRules, granted: boolean | undefined): { text: string; warn: boolean } | undefined {
  if (rules.enabled && granted === false) {
    return { text: t('options.notify.withdrawn'), warn: true };
  }
  if (!rules.enabled) return { text: t('options.notify.asks'), warn: false };
  return undefined;
}

/** Desktop notifications: the switch (which asks for the permission), what to watch, quiet hours. */
export function NotificationsPanel({ rules, granted, message, onToggle, onRules }: Props) {
  const note = permissionNote(rules, granted);
  return (
    <section class="panel" aria-labelledby="notify-title">
      <h2 id="notify-title">{t('options.notify.title')}</h2>
      <SettingSwitch setting="notifications" checked={rules.enabled} onToggle={onToggle}>
        {t('options.notify.switch')}
      </SettingSwitch>
      {note && (
        <p class={`hint ${note.warn ? 'tone-warn' : ''}`} data-role="notify-permission" data-granted={String(granted)}>
          {note.text}
        </p>
      )}
      {message && (
        <p class="result tone-warn" role="alert">
          {message}
        </p>
      )}
      {LIST_FIELDS.map(({ key, setting, label, placeholder }) => (
        <label class="setting field-row" key={key}>
          <span>{t(label)}</span>
          <input type="text" data-setting={setting} value={rules[key].join(', ')} placeholder={t(placeholder)} onChange={(event) => onRules({ [key]: terms(event.currentTarget.value) })} />
        </label>
      ))}
      <label class="setting field-row">
        <span>{t('options.notify.upvotes')}</span>
        <input
          type="number"
          min="0"
          step="1"
          data-setting="notify-min-upvotes"
          value={rules.minUpvotes || ''}
          placeholder={t('options.notify.off')}
          onChange={(event) => onRules({ minUpvotes: Math.max(0, Math.round(Number(event.currentTarget.value) || 0)) })}
        />
      </label>
      <div class="setting quiet">
        <SettingSwitch setting="quiet-hours" checked={rules.quiet} onToggle={(quiet) => onRules({ quiet })}>
          {t('options.notify.quietFrom')}
        </SettingSwitch>
        <input type="time" aria-label={t('options.notify.quietStart')} data-setting="quiet-from" value={rules.quietFrom} onChange={(event) => onRules({ quietFrom: event.currentTarget.value })} />
        <span>{t('options.notify.quietTo')}</span>
        <input type="time" aria-label={t('options.notify.quietEnd')} data-setting="quiet-to" value={rules.quietTo} onChange={(event) => onRules({ quietTo: event.currentTarget.value })} />
      </div>
      <p class="hint">{t('options.notify.quietHint')}</p>
    </section>
  );
}
