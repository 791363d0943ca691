import type { SearchState } from '../utils/search/use-search';

interface Props {
  search: SearchState;
  /** What the page says of whole results, e.g. "12 matches for “diffusion”". */
  text: string;
}

/**
 * The line above search results (`data-role="search-summary"`). While papers wait to be indexed
 * (after an update or a large sync) the results leave them out, and the line says so
 * (`data-partial`): an honest partial answer rather than a wait.
 */
export function SearchSummary({ search, text }: Props) {
  if (!search.ids) return <p class="notice" data-role="search-summary">Searching…</p>;
  const pending = search.pending ?? 0;
  return (
    <p class="notice" data-role="search-summary" data-partial={pending > 0 ? String(pending) : undefined} aria-live="polite">
      {text}
      {pending > 0 && ` · ${pending.toLocaleString('en')} more papers are still being indexed and not in these results yet`}
    </p>
  );
}
