import { ArxivAdd } from '../../components/ArxivAdd';
import { Brand } from '../../components/Brand';
import { DensitySwitch } from '../../components/DensitySwitch';
import { FeedTabs, panelAttributes } from '../../components/FeedTabs';
import { FilterBar } from '../../components/FilterBar';
import { KeyHelp } from '../../components/KeyHelp';
import { SearchBox } from '../../components/SearchBox';
import { SettingsLink } from '../../components/SettingsLink';
import { SyncStatusBar } from '../../components/SyncStatusBar';
import { arxivFeed, viewLabel, visibleViews } from '../../utils/views/view-id';
import { DEFAULT_VIEW } from '../../utils/views/view-state';
import { ListHead } from './ListHead';
import { PaperList } from './PaperList';
import { useNewtab } from './use-newtab';
import { localiseDocument, t } from '../../utils/lib/i18n';

const CLEAR_FILTERS = { keyword: undefined, code: false, minUpvotes: undefined, from: undefined, to: undefined, unread: DEFAULT_VIEW.unread };

localiseDocument('newtab.title');

export function App() {
  const page = useNewtab();
  const { state, update, search, searching, sizes, tabCounts, status, arxiv, view, papers, shown, triage, density, refresh, now, settings } = page;
  const categories = arxiv?.categories ?? [];
  return (
    <div class={`page density-${density ?? 'cards'}`}>
      <a class="skip-link" href="#papers">
        {t('newtab.skip')}
      </a>
      <header class="page-head">
        <Brand />
        <SearchBox value={state.q} search={search} inputRef={page.searchRef} onInput={(q) => update({ q })} onPrepare={search.prepare} />
        <div class="head-actions">
          <SyncStatusBar status={status} syncing={page.syncing} error={page.syncError} now={now} onSync={page.syncNow} periodMinutes={settings.syncPeriodMinutes} />
          <SettingsLink href={page.options.url} onOpen={page.options.open} />
        </div>
      </header>
      <main>
        <nav class="view-bar" aria-label={t('tabs.lists')}>
          {sizes && <FeedTabs views={visibleViews(sizes, categories, false, settings.liveFeeds, view)} current={view} label={viewLabel} counts={tabCounts} dimmed={searching} panel="papers" onSelect={(feed) => update({ feed, q: '' })} />}
          <ArxivAdd existing={categories} onAdd={(c) => void refresh.addCategory(c).then((ok) => ok && update({ feed: arxivFeed(c), q: '' }))} />
        </nav>
        <FilterBar state={state} keywords={page.keywords} searching={searching} onChange={update} />
        <ListHead
          {...{ searching, search, query: state.q, papers, results: page.results, shown, view, status, arxiv, now, refresh, triage }}
          layout={density && <DensitySwitch value={density} onChange={page.setDensity} />}
          onRemoved={() => update({ feed: undefined })}
        />
        {refresh.error && <p class="notice tone-warn" role="alert" data-role="feed-error">{refresh.error}</p>}
        <section id="papers" tabIndex={-1} {...panelAttributes(searching ? undefined : view)}>
          <PaperList
            {...{ density, papers, shown: page.cards, view, status, selected: triage.selected, lastVisit: page.lastVisit, extras: page.extras, handlers: { ...triage.handlers, keyword: (keyword) => update({ keyword }) } }}
            query={searching ? state.q.trim() : undefined}
            snapshot={(sizes?.bundled ?? 0) > 0}
            empty={{ clearSearch: () => update({ q: '' }), clearFilters: () => update(CLEAR_FILTERS), sync: page.syncNow, open: (feed) => update({ feed, q: '' }) }}
          />
        </section>
        {triage.help && <KeyHelp onClose={() => triage.setHelp(false)} />}
      </main>
    </div>
  );
}
