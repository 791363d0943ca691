import { BADGE_MODES, type BadgeMode, type Density, type Theme } from '../../utils/settings/defaults';
import { arxivFeed, PERIOD_FEEDS, USER_LISTS, viewLabel, type ViewId } from '../../utils/views/view-id';
import { SettingSelect, type Choice } from './SettingSelect';
import type { SettingsProps } from './types';

const BADGE_LABELS: Record<BadgeMode, string> = {
  unread: 'Unread papers in the current lists',
  new: 'New since I last looked',
  off: 'Nothing',
};

const DENSITY_CHOICES: Choice<Density>[] = [
  { value: 'cards', label: 'Cards' },
  { value: 'list', label: 'Compact list' },
];

const THEME_CHOICES: Choice<Theme>[] = [
  { value: 'system', label: 'Same as the system' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

/** How the pages look and what the toolbar badge counts. */
export function DisplayPanel({ settings, onChange, categories }: SettingsProps & { categories: readonly string[] }) {
  const views: ViewId[] = [...settings.liveFeeds, ...PERIOD_FEEDS, ...USER_LISTS, ...categories.map(arxivFeed)];
  if (!views.includes(settings.defaultView)) views.push(settings.defaultView);
  return (
    <section class="panel" aria-labelledby="display-title">
      <h2 id="display-title">Display</h2>
      <SettingSelect
        setting="default-view"
        label="Open on"
        value={settings.defaultView}
        choices={views.map((view) => ({ value: view, label: viewLabel(view) }))}
        onChange={(view) => onChange('defaultView', view)}
        hint="The list a new tab and the popup show first."
      />
      <SettingSelect setting="density" label="Layout" value={settings.density} choices={DENSITY_CHOICES} onChange={(density) => onChange('density', density)} />
      <SettingSelect setting="theme" label="Theme" value={settings.theme} choices={THEME_CHOICES} onChange={(theme) => onChange('theme', theme)} />
      <SettingSelect
        setting="badge-mode"
        label="Toolbar badge counts"
        value={settings.badgeMode}
        choices={BADGE_MODES.map((mode) => ({ value: mode, label: BADGE_LABELS[mode] }))}
        onChange={(mode) => onChange('badgeMode', mode)}
        hint={settings.badgeMode === 'new' ? 'Papers first stored since you last opened the popup or a new tab, and still unread.' : undefined}
      />
    </section>
  );
}
