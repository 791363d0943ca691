import { t } from '../../utils/lib/i18n';
import { safeUrl } from '../../utils/platform/url';
import type { NewTabMode } from '../../utils/settings/defaults';
import { SettingSelect, type Choice } from './SettingSelect';
import type { SettingsProps } from './types';

/** Where users find each flavour: the stores' search pages, which list both. */
const FLAVOUR_LINKS = {
  chrome: 'https://chromewebstore.google.com/search/Paperboy',
  firefox: 'https://addons.mozilla.org/firefox/search/?q=Paperboy',
} as const;

const newTabChoices = (): Choice<NewTabMode>[] => [
  { value: 'papers', label: t('options.newtab.papers') },
  { value: 'blank', label: t('options.newtab.blank') },
];

function StoreLinks({ name }: { name: string }) {
  return (
    <p class="actions">
      {(['chrome', 'firefox'] as const).map((store) => (
        <a key={store} class="btn" href={safeUrl(FLAVOUR_LINKS[store])} target="_blank" rel="noopener noreferrer" data-action={`get-${store}`}>
          {t('options.newtab.storeLink', [name, store === 'chrome' ? 'Chrome' : 'Firefox'])}
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
      <h2 id="newtab-title">{t('options.newtab.title')}</h2>
      {flavour === 'full' ? (
        <>
          <SettingSelect
            setting="new-tab"
            label={t('options.newtab.shows')}
            value={settings.newTab}
            choices={newTabChoices()}
            onChange={(mode) => onChange('newTab', mode)}
            hint={t('options.newtab.blankHint')}
          />
          <p class="hint">
            {t('options.newtab.liteBefore')} <strong>{t('options.newtab.liteName')}</strong>
            {t('options.newtab.liteAfter')}
          </p>
          <StoreLinks name={t('options.newtab.liteName')} />
        </>
      ) : (
        <>
          <p class="hint">
            {t('options.newtab.thisIs')} <strong>{t('options.newtab.liteName')}</strong>
            {t('options.newtab.thisIsAfter')}
          </p>
          <StoreLinks name="Paperboy" />
        </>
      )}
    </section>
  );
}
