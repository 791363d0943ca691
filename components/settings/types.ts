import type { Settings } from '../../utils/settings/defaults';

/** What every settings panel gets: the settings in force and the way to change one. */
export interface SettingsProps {
  settings: Settings;
  onChange: <K extends keyof Settings>(name: K, value: Settings[K]) => void;
}
