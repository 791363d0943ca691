import { useEffect, useState } from 'preact/hooks';
import type { Settings } from './defaults';
import { forgetBootCopies } from '../pages/boot/boot-copy-store';
import { applyTheme, localStore, MIRROR_KEY, readMirror } from './mirror';
import { parseSettings } from './schema';
import { readSettings, watchSettings } from './settings';

/** What a page's saved first screen depends on: when one of these changes, the copies are stale. */
const LAYOUT: readonly (keyof Settings)[] = ['density', 'defaultView', 'liveFeeds'];

/** Refreshes the copy from the settings in force, applies the theme, and drops stale boot copies. */
export function mirrorSettings(settings: Settings): void {
  const before = readMirror();
  const json = JSON.stringify(settings);
  applyTheme(settings.theme);
  if (json === JSON.stringify(before)) return;
  if (LAYOUT.some((name) => JSON.stringify(before[name]) !== JSON.stringify(settings[name]))) forgetBootCopies();
  try {
    localStore()?.setItem(MIRROR_KEY, json);
  } catch {
    // Storage full or disabled: pages start from the defaults and catch up a moment later.
  }
}

/**
 * The settings in force, live: a page starts from the localStorage copy (no wait), then follows
 * `storage.local`, so a change made in the options page reaches every open page at once.
 */
export function useSettings(): Settings {
  const [settings, setSettings] = useState<Settings>(() => parseSettings(readMirror()));
  useEffect(() => {
    let live = true;
    const load = () =>
      void readSettings().then(
        (fresh) => {
          if (!live) return;
          mirrorSettings(fresh);
          setSettings(fresh);
        },
        (error) => console.error('Paperboy: settings not read', error),
      );
    load();
    const stop = watchSettings(load);
    return () => {
      live = false;
      stop();
    };
  }, []);
  return settings;
}
