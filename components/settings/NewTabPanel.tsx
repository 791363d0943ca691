import { safeUrl } from '../../utils/platform/url';
import type { NewTabMode } from '../../utils/settings/defaults';
import { SettingSelect, type Choice } from './SettingSelect';
import type { SettingsProps } from './types';

/** Where users find each flavour: the stores' search pages, which list both. */
const FLAVOUR_LINKS = {
  chrome: 'https://chromewebstore.google.com/search/Paperboy',
  firefox: 'https://addons.mozilla.org/firefox/search/?q=Paperboy',
} as const;

const NEW_TAB_CHOICES: Choice<NewTabMode>[] = [
  { value: 'papers', label: 'Your papers' },
  { value: 'blank', label: 'An empty page' },
];

function StoreLinks({ name }: { name: string }) {
  return (
    <p class="actions">
      {(['chrome', 'firefox'] as const).map((store) => (
        <a key={store} class="btn" href={safeUrl(FLAVOUR_LINKS[store])} target="_blank" rel="noopener noreferrer" data-action={`get-${store}`}>
          {name} for {store === 'chrome' ? 'Chrome' : 'Firefox'}
        </a>
      ))}
    </p>
  );
}

/**
 * The new tab: the full flavour offers an empty page instead of Paperboy's; both flavours say
 * what the other one is and where to get it.
 */
export function NewTabPanel({ settings, onChange, flavour }: SettingsProps & { flavour: 'full' | 'lite' }) {
  return (
    <section class="panel" aria-labelledby="newtab-title" data-flavour={flavour}>
      <h2 id="newtab-title">New tab</h2>
      {flavour === 'full' ? (
        <>
          <SettingSelect
            setting="new-tab"
            label="A new tab shows"
            value={settings.newTab}
            choices={NEW_TAB_CHOICES}
            onChange={(mode) => onChange('newTab', mode)}
            hint="With an empty page, Paperboy stays in the toolbar and a small link opens it."
          />
          <p class="hint">
            Rather keep your browser’s own new tab? Install <strong>Paperboy Lite</strong>: the same Paperboy without the new tab, its full view
            one click away in the popup. In Chrome, answering “Change back” when it asks about the new tab turns off all of Paperboy instead.
            Your read marks come along with a backup or with cross-device sync.
          </p>
          <StoreLinks name="Paperboy Lite" />
        </>
      ) : (
        <>
          <p class="hint">
            This is <strong>Paperboy Lite</strong>: your new tab stays your browser’s own, and the popup’s “Full view” opens the whole list as
            a page. The full Paperboy also shows your papers on every new tab.
          </p>
          <StoreLinks name="Paperboy" />
        </>
      )}
    </section>
  );
}
