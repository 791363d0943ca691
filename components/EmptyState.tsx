import type { SyncStatus } from '../utils/data/sync-status';
import { arxivCategory, type ViewId } from '../utils/views/view-id';
import { t, type MessageKey } from '../utils/lib/i18n';

export interface EmptyActions {
  clearSearch(): void;
  clearFilters(): void;
  sync(): void;
  /** Opens another list (the bundled snapshot while nothing is synced). */
  open(view: ViewId): void;
}

interface Props {
  view: ViewId | undefined;
  /** The search text, when the list is a search's results. */
  query?: string;
  /** The list has papers, but the filters leave none. */
  filtered: boolean;
  status: SyncStatus | undefined;
  /** The bundled snapshot holds papers to fall back on. */
  snapshot: boolean;
  actions: EmptyActions;
}

const LISTS: Partial<Record<ViewId, MessageKey>> = {
  saved: 'empty.saved',
  history: 'empty.history',
  hidden: 'empty.hidden',
};

/** Why a feed is empty, from the last sync's outcome. */
function feedReason(status: SyncStatus | undefined): string {
  const error = status?.lastError;
  if (error && (status?.lastSuccessAt === undefined || error.at >= status.lastSuccessAt)) {
    return error.kind === 'offline' ? t('empty.offline') : t('empty.failed', [error.message]);
  }
  return t(status?.lastSuccessAt === undefined ? 'empty.notSynced' : 'empty.noneListed');
}

/** What an empty list says, and the next step it offers. */
export function EmptyState({ view, query, filtered, status, snapshot, actions }: Props) {
  let text: string;
  let buttons: [label: string, run: () => void][] = [];
  if (query !== undefined) {
    text = t('empty.noMatch', [query]);
    buttons = [[t('empty.clearSearch'), actions.clearSearch]];
  } else if (filtered) {
    text = t('empty.filtered');
    buttons = [[t('empty.clearFilters'), actions.clearFilters]];
  } else if (view && LISTS[view]) {
    text = t(LISTS[view]!);
  } else if (arxivCategory(view) !== undefined) {
    text = t('empty.arxiv');
  } else {
    text = t('empty.nothingYet', [feedReason(status)]);
    buttons = [[t('sync.now'), actions.sync]];
    if (snapshot && view !== 'bundled') buttons.push([t('empty.showSnapshot'), () => actions.open('bundled')]);
  }
  return (
    <div class="empty" data-role="empty">
      <p>{text}</p>
      {buttons.map(([label, run]) => (
        <button key={label} type="button" class="btn" onClick={run}>
          {label}
        </button>
      ))}
    </div>
  );
}
