import type { Density } from '../utils/settings/settings';

const CHOICES: [Density, string][] = [
  ['cards', 'Cards'],
  ['list', 'List'],
];

/** Cards (abstract, keywords, links) or a compact list (20+ papers on a screen); stored for every new tab. */
export function DensitySwitch({ value, onChange }: { value: Density; onChange: (density: Density) => void }) {
  return (
    <div class="density" data-role="density" role="radiogroup" aria-labelledby="density-label">
      <span id="density-label">Layout</span>
      {CHOICES.map(([density, label]) => (
        <label key={density} class={`segment ${value === density ? 'is-on' : ''}`}>
          <input type="radio" name="density" value={density} checked={value === density} onChange={() => onChange(density)} />
          {label}
        </label>
      ))}
    </div>
  );
}
