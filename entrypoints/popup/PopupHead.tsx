import { t } from '../../utils/lib/i18n';
import type { RefObject } from 'preact';
import { Brand } from '../../components/Brand';
import { SearchBox } from '../../components/SearchBox';
import { SettingsLink } from '../../components/SettingsLink';
import type { SearchState } from '../../utils/search/use-search';

interface Props {
  query: string;
  /** The search, started when the user is about to use it (`prepare`). */
  search: SearchState & { prepare: () => void };
  searchRef: RefObject<HTMLInputElement | null>;
  onInput: (q: string) => void;
  /** The full view's address (the current view, as a page) and how to open it. */
  fullView: string;
  onFullView: () => void;
  optionsUrl: string;
  onOptions: () => void;
}

/** The popup's top line: name, search, the way to the full view and to the settings. */
export function PopupHead({ query, search, searchRef, onInput, fullView, onFullView, optionsUrl, onOptions }: Props) {
  return (
    <header class="popup-head">
      <Brand />
      <SearchBox value={query} search={search} inputRef={searchRef} onInput={onInput} onPrepare={search.prepare} />
      <a
        class="btn ghost"
        href={fullView}
        data-action="full-view"
        onClick={(event) => {
          event.preventDefault();
          onFullView();
        }}
      >
        {t('popup.fullView')}
      </a>
      <SettingsLink href={optionsUrl} onOpen={onOptions} compact />
    </header>
  );
}
