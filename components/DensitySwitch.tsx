import type { Density } from '../utils/settings/settings';
import { t, type MessageKey } from '../utils/lib/i18n';

const CHOICES: [Density, MessageKey][] = [
  ['cards', 'list.cards'],
  ['list', 'list.list'],
];

/** Cards (abstract, keywords, links) or a compact list (20+ papers on a screen); stored for every new tab. */
export function DensitySwitch({ value, onChange }: { value: Density; onChange: (density: Density) => void }) {
  return (
    <div class="density" data-role="density" role="radiogroup" aria-labelledby="density-label">
      <span id="density-label">{t('list.layout')}</span>
      {CHOICES.map(([density, label]) => (
        <label key={density} class={`segment ${value === density ? 'is-on' : ''}`}>
          <input type="radio" name="density" value={density} checked={value === density} onChange={() => onChange(density)} />
          {t(label)}
        </label>
      ))}
    </div>
  );
}
