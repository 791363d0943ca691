import type { SortKey, ViewState } from '../utils/views/view-state';
import { t, type MessageKey } from '../utils/lib/i18n';

interface Props {
  state: ViewState;
  keywords: { keyword: string; count: number }[];
  searching: boolean;
  onChange: (change: Partial<ViewState>) => void;
}

const SORTS: [SortKey, MessageKey, MessageKey][] = [
  ['rank', 'filters.sortRank', 'filters.sortBest'],
  ['upvotes', 'filters.sortUpvotes', 'filters.sortUpvotes'],
  ['newest', 'filters.sortNewest', 'filters.sortNewest'],
];

/** The filters used less often, folded away (open while one of them is set): upvotes and dates. */
function MoreFilters({ state, onChange }: Pick<Props, 'state' | 'onChange'>) {
  const set = Boolean(state.minUpvotes || state.from || state.to);
  return (
    <details class="more-filters" open={set || undefined}>
      <summary>{t(set ? 'filters.moreOn' : 'filters.more')}</summary>
      <div class="more-filters-body">
        <label class="field">
          {t('filters.atLeast')}
          <input
            type="number"
            min={0}
            step={1}
            data-filter="min-upvotes"
            value={state.minUpvotes ?? ''}
            onInput={(e) => {
              const value = Math.floor(Number(e.currentTarget.value));
              onChange({ minUpvotes: value > 0 ? value : undefined });
            }}
          />
          {t('filters.upvotes')}
        </label>
        <div class="field-group" role="group" aria-labelledby="dates-label">
          <span id="dates-label" title={t('filters.publishedTitle')}>
            {t('filters.published')}
          </span>
          <label class="field">
            {t('filters.from')} <input type="date" data-filter="from" value={state.from ?? ''} onChange={(e) => onChange({ from: e.currentTarget.value || undefined })} />
          </label>
          <label class="field">
            {t('filters.to')} <input type="date" data-filter="to" value={state.to ?? ''} onChange={(e) => onChange({ to: e.currentTarget.value || undefined })} />
          </label>
        </div>
      </div>
    </details>
  );
}

/** Topic, code, unread only, the sort, and (folded) upvotes and dates: the filters of the current list. */
export function FilterBar({ state, keywords, searching, onChange }: Props) {
  const keywordKnown = !state.keyword || keywords.some((k) => k.keyword.toLowerCase() === state.keyword!.toLowerCase());
  return (
    <div class="filters" role="group" aria-label={t('filters.label')}>
      <label class="field">
        {t('filters.topic')}
        <select data-filter="keyword" value={state.keyword ?? ''} onChange={(e) => onChange({ keyword: e.currentTarget.value || undefined })}>
          <option value="">{t('filters.any')}</option>
          {!keywordKnown && <option value={state.keyword}>{state.keyword}</option>}
          {keywords.map(({ keyword, count }) => (
            <option key={keyword} value={keyword}>{`${keyword} (${count})`}</option>
          ))}
        </select>
      </label>
      <label class="check">
        <input type="checkbox" data-filter="code" checked={state.code} onChange={(e) => onChange({ code: e.currentTarget.checked })} /> {t('filters.hasCode')}
      </label>
      <label class="check">
        <input type="checkbox" data-filter="unread" checked={state.unread} onChange={(e) => onChange({ unread: e.currentTarget.checked })} /> {t('filters.unreadOnly')}
      </label>
      <label class="field">
        {t('filters.sort')}
        <select data-filter="sort" value={state.sort} onChange={(e) => onChange({ sort: e.currentTarget.value as SortKey })}>
          {SORTS.map(([value, label, searchLabel]) => (
            <option key={value} value={value}>{t(searching ? searchLabel : label)}</option>
          ))}
        </select>
      </label>
      <MoreFilters state={state} onChange={onChange} />
    </div>
  );
}
