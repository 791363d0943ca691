import { t, type MessageKey } from '../../utils/lib/i18n';
import { BADGE_MODES, type BadgeMode, type Density, type Theme } from '../../utils/settings/defaults';
import { arxivFeed, PERIOD_FEEDS, USER_LISTS, viewLabel, type ViewId } from '../../utils/views/view-id';
import { SettingSelect, type Choice } from './SettingSelect';
import type { SettingsProps } from './types';

const BADGE_LABELS: Record<BadgeMode, MessageKey> = {
  unread: 'options.display.badgeUnread',
  new: 'options.display.badgeNew',
  off: 'options.display.badgeOff',
};

const DENSITY_LABELS: Record<Density, MessageKey> = { cards: 'options.display.cards', list: 'options.display.list' };
const THEME_LABELS: Record<Theme, MessageKey> = { system: 'options.display.themeSystem', light: 'options.display.themeLight', dark: 'options.display.themeDark' };

/** A menu's choices in the messages' language, read when drawn (never at import). */
const choicesOf = <T extends string>(labels: Record<T, MessageKey>): Choice<T>[] => (Object.keys(labels) as T[]).map((value) => ({ value, label: t(labels[value]) }));

/** How the pages look and what the toolbar badge counts. */
export function DisplayPanel({ settings, onChange, categories }: SettingsProps & { categories: readonly string[] }) {
  const views: ViewId[] = [...settings.liveFeeds, ...PERIOD_FEEDS, ...USER_LISTS, ...categories.map(arxivFeed)];
  if (!views.includes(settings.defaultView)) views.push(settings.defaultView);
  return (
    <section class="panel" aria-labelledby="display-title">
      <h2 id="display-title">{t('options.display.title')}</h2>
      <SettingSelect
        setting="default-view"
        label={t('options.display.openOn')}
        value={settings.defaultView}
        choices={views.map((view) => ({ value: view, label: viewLabel(view) }))}
        onChange={(view) => onChange('defaultView', view)}
        hint={t('options.display.openOnHint')}
      />
      <SettingSelect setting="density" label={t('options.display.layout')} value={settings.density} choices={choicesOf(DENSITY_LABELS)} onChange={(density) => onChange('density', density)} />
      <SettingSelect setting="theme" label={t('options.display.theme')} value={settings.theme} choices={choicesOf(THEME_LABELS)} onChange={(theme) => onChange('theme', theme)} />
      <SettingSelect
        setting="badge-mode"
        label={t('options.display.badge')}
        value={settings.badgeMode}
        choices={BADGE_MODES.map((mode) => ({ value: mode, label: t(BADGE_LABELS[mode]) }))}
        onChange={(mode) => onChange('badgeMode', mode)}
        hint={settings.badgeMode === 'new' ? t('options.display.badgeNewHint') : undefined}
      />
    </section>
  );
}
