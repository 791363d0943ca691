import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { PaperView } from '../data/papers';
import { forYouKey, getForYouRanking } from '../data/for-you-store';
import { getHistories, impliedHistory } from '../data/history-store';
import type { RuleEffects } from '../discover/rules';
import type { Rule } from '../discover/rule-types';
import { recent, type Series } from '../discover/series';
import { getRules, rulesItem } from '../settings/settings';
import { requestForYou } from '../sync/messages';
import type { ViewId } from '../views/view-id';
import { usePageDeps } from './deps';
import { useLiveQuery } from './use-live-query';

/** What a card shows beyond the paper: its upvote sparkline and what the user's rules do to it. */
export interface CardExtras {
  spark?: Series;
  effects?: RuleEffects;
}

type EffectsById = Map<string, RuleEffects>;

/** The user's rules, following every edit (from the options page or another tab). */
export function useRules(): Rule[] {
  const [rules, setRules] = useState<Rule[]>([]);
  useEffect(() => {
    void getRules().then(setRules);
    return rulesItem.watch(() => void getRules().then(setRules));
  }, []);
  return rules;
}

/** What the rules do to each paper; the matcher (and its regular-expression engine) loads only once there are rules. */
function useRuleEffects(papers: readonly PaperView[] | undefined, rules: Rule[]): EffectsById {
  const [effects, setEffects] = useState<EffectsById>(new Map());
  useEffect(() => {
    if (!papers || rules.length === 0) return setEffects(new Map());
    let live = true;
    void import('../discover/rules').then(({ matchRules, ruleEffects }) => {
      const next: EffectsById = new Map();
      for (const { paper } of papers) {
        const matched = matchRules(paper, rules);
        if (matched.length) next.set(paper.id, ruleEffects(matched));
      }
      if (live) setEffects(next);
    });
    return () => void (live = false);
  }, [papers, rules]);
  return effects;
}

/** Keeps the stored For-you ranking current while the view is open: asks the background to rank when its inputs changed. */
function useForYouFresh(active: boolean, rules: Rule[]): void {
  const { db } = usePageDeps();
  const stale = useLiveQuery(async () => active && (await forYouKey(db, rules)) !== (await getForYouRanking(db))?.key, [db, active, rules], false);
  useEffect(() => {
    if (stale) void requestForYou().catch((error) => console.error('Paperboy: For you not ranked', error));
  }, [stale]);
}

/**
 * The extras of the shown papers (sparklines, rule effects), read after the list renders so the
 * first paint never waits for them.
 */
export function useDiscover(view: ViewId | undefined, papers: PaperView[] | undefined) {
  const { db, now } = usePageDeps();
  const rules = useRules();
  useForYouFresh(view === 'for-you', rules);
  const effects = useRuleEffects(papers, rules);
  const idsKey = papers?.map((v) => v.paper.id).join(' ') ?? '';
  const histories = useLiveQuery(() => getHistories(db, idsKey ? idsKey.split(' ') : []), [db, idsKey], []);
  const shown = useRef(new Map<string, CardExtras>());
  const extras = useMemo(() => {
    const at = now();
    const byId = new Map<string, CardExtras>();
    for (const history of histories) if (history) byId.set(history.id, { spark: recent(history.upvotes, at) });
    // A paper counted by one sync only: its row is its history.
    for (const { paper } of papers ?? []) {
      const implied = byId.has(paper.id) ? undefined : impliedHistory(paper);
      if (implied) byId.set(paper.id, { spark: recent(implied.upvotes, at) });
    }
    for (const [id, e] of effects) byId.set(id, { ...byId.get(id), effects: e });
    // A card whose extras did not change keeps the same object, so it is not drawn again (SamePaper):
    // the papers change with every read flag, their sparklines seldom.
    for (const [id, next] of byId) {
      const old = shown.current.get(id);
      if (old && old.effects === next.effects && sameSeries(old.spark, next.spark)) byId.set(id, old);
    }
    shown.current = byId;
    return byId;
  }, [histories, papers, effects, now]);
  return { extras, effects, rules };
}

const sameSeries = (a: Series | undefined, b: Series | undefined) =>
  a === b || (a !== undefined && b !== undefined && a.t.length === b.t.length && a.t.every((t, i) => t === b.t[i] && a.v[i] === b.v[i]));

/** Papers a rule pins, first (in their order), then the rest. */
export function pinnedFirst(papers: PaperView[], effects: EffectsById): PaperView[] {
  if (effects.size === 0) return papers;
  const pinned = papers.filter((v) => effects.get(v.paper.id)?.pinned);
  return pinned.length ? [...pinned, ...papers.filter((v) => !effects.get(v.paper.id)?.pinned)] : papers;
}
