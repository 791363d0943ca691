import { useEffect, useState } from 'preact/hooks';
import { readMirror } from '../settings/mirror';
import { density as densityItem, DENSITIES, type Density } from '../settings/settings';

const valid = (value: unknown): Density => (DENSITIES.includes(value as Density) ? (value as Density) : 'cards');

/**
 * The new tab's layout (cards or a compact list), from the stored setting and following changes
 * made anywhere (another tab, the options page). It starts from the settings' copy in localStorage
 * (which the entry script restores on a first visit: utils/settings/mirror.ts); without one it is
 * undefined until read: the page draws no papers before it knows how, so the layout never jumps.
 */
export function useDensity(): [Density | undefined, (density: Density) => void] {
  const [value, setValue] = useState<Density | undefined>(() => {
    const mirrored = readMirror().density;
    return DENSITIES.includes(mirrored as Density) ? (mirrored as Density) : undefined;
  });
  useEffect(() => {
    let live = true;
    densityItem.getValue().then(
      (stored) => live && setValue(valid(stored)),
      () => live && setValue('cards'),
    );
    const unwatch = densityItem.watch((stored) => setValue(valid(stored)));
    return () => {
      live = false;
      unwatch();
    };
  }, []);
  const choose = (density: Density) => {
    setValue(density);
    void densityItem.setValue(density);
  };
  return [value, choose];
}
