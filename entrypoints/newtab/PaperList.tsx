import { EmptyState, type EmptyActions } from '../../components/EmptyState';
import { PaperCard } from '../../components/PaperCard';
import { PaperRow } from '../../components/PaperRow';
import { itemKey, SamePaper, useStableHandlers } from '../../components/SamePaper';
import type { PaperView } from '../../utils/data/papers';
import type { SyncStatus } from '../../utils/data/sync-status';
import type { Density } from '../../utils/settings/settings';
import { isNewSince } from '../../utils/triage/use-last-visit';
import type { PaperHandlers } from '../../utils/triage/types';
import type { ViewId } from '../../utils/views/view-id';
import type { CardExtras } from '../../utils/pages/use-discover';
import { useNearPapers } from '../../utils/pages/use-near';
import { FIRST_CARDS } from '../../utils/pages/use-progressive';
import { FIRST_ROWS, useFirstPaintDone } from '../../utils/pages/use-first-paint';
import { useRef } from 'preact/hooks';

interface Props {
  density: Density | undefined;
  papers: PaperView[] | undefined;
  shown: PaperView[];
  view: ViewId | undefined;
  query: string | undefined;
  status: SyncStatus | undefined;
  snapshot: boolean;
  selected: string | undefined;
  lastVisit: number | undefined;
  handlers: PaperHandlers;
  empty: EmptyActions;
  /** Each paper's sparkline and rule effects, by id. */
  extras: Map<string, CardExtras>;
}

/** The papers of the list, as cards or as compact rows; or why there are none, with a next step. */
export function PaperList({ density, papers, shown, view, query, status, snapshot, selected, lastVisit, handlers: given, empty, extras }: Props) {
  const handlers = useStableHandlers(given);
  // A card grid (div) or a list of rows (ol).
  const list = useRef<HTMLDivElement & HTMLOListElement>(null);
  const near = useNearPapers(list);
  const painted = useFirstPaintDone(Boolean(density && papers && shown.length > 0));
  // Nothing is drawn before the layout is known (a stored choice, read in a few milliseconds).
  if (!density || !papers) return null;
  if (shown.length === 0) {
    return <EmptyState view={view} query={query} filtered={papers.length > 0} status={status} snapshot={snapshot} actions={empty} />;
  }
  const cards = density !== 'list';
  const Item = cards ? PaperCard : PaperRow;
  const List = cards ? 'div' : 'ol';
  // Cards below the first screen are brief until they come near it (use-near.ts).
  const brief = (id: string, i: number) => cards && i >= FIRST_CARDS && id !== selected && near.far(id);
  // Until the first paint, only the first screen has contents (use-first-paint.ts).
  const shell = (id: string, i: number) => !painted && i >= (cards ? FIRST_CARDS : FIRST_ROWS) && id !== selected;
  return (
    <List ref={list} class={cards ? 'cards' : 'rows list'} onFocusIn={(event) => near.reach(event.target)}>
      {shown.map((v, i) => (
        <SamePaper
          key={itemKey(v.paper.id, extras.get(v.paper.id))}
          item={Item}
          view={v}
          first={i === 0}
          handlers={handlers}
          selected={v.paper.id === selected}
          isNew={isNewSince(v, lastVisit)}
          extras={extras.get(v.paper.id)}
          brief={brief(v.paper.id, i)}
          shell={shell(v.paper.id, i)}
        />
      ))}
    </List>
  );
}
