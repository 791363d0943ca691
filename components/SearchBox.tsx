import type { Ref } from 'preact';
import type { SearchState } from '../utils/search/use-search';
import { t } from '../utils/lib/i18n';

interface Props {
  value: string;
  search: SearchState;
  inputRef: Ref<HTMLInputElement>;
  onInput: (value: string) => void;
  /** The user is about to search (focus, pointer): the page loads its search then, not before. */
  onPrepare?: () => void;
}

/** The search field (`data-role="search"`) and what the index is doing. */
export function SearchBox({ value, search, inputRef, onInput, onPrepare }: Props) {
  const note =
    search.status === 'error'
      ? search.error
      : value.trim().length >= 2 && search.status !== 'ready'
        ? t('search.indexing')
        : undefined;
  return (
    <div class="search">
      <input
        ref={inputRef}
        type="search"
        class="search-input"
        data-role="search"
        placeholder={t('search.placeholder')}
        aria-label={t('search.label')}
        value={value}
        onInput={(event) => onInput(event.currentTarget.value)}
        onFocus={onPrepare}
        onPointerEnter={onPrepare}
        autocomplete="off"
        spellcheck={false}
      />
      {note && <span class={`search-note ${search.status === 'error' ? 'tone-warn' : ''}`} role="status">{note}</span>}
    </div>
  );
}
