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
  { key: 'keywords', setting: 'notify-keywords', label: 'Keywords', placeholder: 'diffusion, world model' },
  { key: 'authors', setting: 'notify-authors', label: 'Authors', placeholder: 'Yann LeCun' },
  { key: 'organizations', setting: 'notify-organizations', label: 'Organisations', placeholder: 'Google DeepMind' },
] as const;

const terms = (text: string) => text.split(',').map((term) => term.trim()).filter(Boolean);

function permissionNote(rules: NotificationRules, granted: boolean | undefined): { text: string; warn: boolean } | undefined {
  if (rules.enabled && granted === false) {
    return { text: 'Notifications are on here, but the browser’s permission was withdrawn, so none will be shown. Turn them off and on again to allow them.', warn: true };
  }
  if (!rules.enabled) return { text: 'Turning them on asks the browser for permission to show notifications.', warn: false };
  return undefined;
}

/** Desktop notifications: the switch (which asks for the permission), what to watch, quiet hours. */
export function NotificationsPanel({ rules, granted, message, onToggle, onRules }: Props) {
  const note = permissionNote(rules, granted);
  return (
    <section class="panel" aria-labelledby="notify-title">
      <h2 id="notify-title">Notifications</h2>
      <SettingSwitch setting="notifications" checked={rules.enabled} onToggle={onToggle}>
        Tell me after a sync when new papers match what I watch (one notification at most per sync)
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
          <span>{label}</span>
          <input type="text" data-setting={setting} value={rules[key].join(', ')} placeholder={placeholder} onChange={(event) => onRules({ [key]: terms(event.currentTarget.value) })} />
        </label>
      ))}
      <label class="setting field-row">
        <span>Or at least this many upvotes</span>
        <input
          type="number"
          min="0"
          step="1"
          data-setting="notify-min-upvotes"
          value={rules.minUpvotes || ''}
          placeholder="off"
          onChange={(event) => onRules({ minUpvotes: Math.max(0, Math.round(Number(event.currentTarget.value) || 0)) })}
        />
      </label>
      <div class="setting quiet">
        <SettingSwitch setting="quiet-hours" checked={rules.quiet} onToggle={(quiet) => onRules({ quiet })}>
          Quiet hours from
        </SettingSwitch>
        <input type="time" aria-label="Quiet hours start" data-setting="quiet-from" value={rules.quietFrom} onChange={(event) => onRules({ quietFrom: event.currentTarget.value })} />
        <span>to</span>
        <input type="time" aria-label="Quiet hours end" data-setting="quiet-to" value={rules.quietTo} onChange={(event) => onRules({ quietTo: event.currentTarget.value })} />
      </div>
      <p class="hint">Papers that match during quiet hours are told about after them. A click on a notification opens exactly those papers.</p>
    </section>
  );
}
