import { countOf } from '../utils/lib/format';
import { t } from '../utils/lib/i18n';
import type { ResultsRead } from '../utils/pages/use-paperboy';
import type { SearchState } from '../utils/search/use-search';

interface Props {
  search: SearchState;
  /** What the page says of the results, e.g. "12 matches for “diffusion” among 10,088 stored papers". */
  text: string;
  /**
   * Which results are shown: all of the answer to the query typed; its first screen while the rest
   * is read (`data-counting`: the count is the index's, before hidden papers and filters); or the
   * last query's while the answer to the new one is on its way (`aria-busy`).
   */
  results: ResultsRead;
}

/**
 * The line above search results (`data-role="search-summary"`). While papers wait to be indexed
 * (after an update or a large sync) the results leave them out, and the line says so
 * (`data-partial`): an honest partial answer rather than a wait. While the answer to what was just
 * typed is on its way, the last results stay, marked `aria-busy`.
 */
export function SearchSummary({ search, text, results }: Props) {
  if (!search.ids) return <p class="notice" data-role="search-summary">{t('search.searching')}</p>;
  const pending = search.pending ?? 0;
  return (
    <p class="notice" data-role="search-summary" data-partial={pending > 0 ? String(pending) : undefined} data-counting={results === 'first' ? '' : undefined} aria-busy={results === 'stale' ? 'true' : undefined} aria-live="polite">
      {text}
      {pending > 0 && ` · ${countOf(pending, 'search.pending')}`}
    </p>
  );
}
