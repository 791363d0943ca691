import { Component, type ComponentType } from 'preact';
import { useMemo, useRef } from 'preact/hooks';
import type { PaperHandlers } from '../utils/triage/types';
import type { PaperItemProps } from './paper-attributes';

type Props = PaperItemProps & { item: ComponentType<PaperItemProps> };

/**
 * The key of a paper in a list. A paper a rule pins is a new element at the top, not the old one
 * moved: Chromium does not paint again a moved `content-visibility: auto` card or row whose
 * contents it had skipped below the fold.
 */
export const itemKey = (id: string, extras: PaperItemProps['extras']) => (extras?.effects?.pinned ? `${id}:pinned` : id);

/**
 * A paper drawn again only when something it shows changed. A page re-renders for much besides
 * its papers (tab counts, the search starting, the clock, the last visit): without this, each
 * re-render diffed every card of the list (a CPU profile of a new-tab visit showed Preact's diff
 * among its heaviest work). Give it stable handlers (`useStableHandlers`).
 */
export class SamePaper extends Component<Props> {
  override shouldComponentUpdate(next: Props): boolean {
    const now = this.props as unknown as Record<string, unknown>;
    const then = next as unknown as Record<string, unknown>;
    for (const key in then) if (then[key] !== now[key]) return true;
    for (const key in now) if (!(key in then)) return true;
    return false;
  }

  override render({ item: Item, ...props }: Props) {
    return <Item {...props} />;
  }
}

/**
 * The same handler functions for the page's life, each calling the latest one given: a paper
 * kept from an earlier render still acts on the current state. A handler given or taken away
 * (`keyword`) makes a new set.
 */
export function useStableHandlers(handlers: PaperHandlers): PaperHandlers {
  const latest = useRef(handlers);
  latest.current = handlers;
  const keys = Object.keys(handlers).sort().join(' ');
  return useMemo(() => {
    const call = (key: string) => (...args: unknown[]) => (latest.current as unknown as Record<string, (...a: unknown[]) => unknown>)[key]!(...args);
    return Object.fromEntries(keys.split(' ').map((key) => [key, call(key)])) as unknown as PaperHandlers;
  }, [keys]);
}
