// @vitest-environment happy-dom
import { cleanup, fireEvent, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { SamePaper, useStableHandlers } from '../../components/SamePaper';
import type { PaperItemProps } from '../../components/paper-attributes';
import { PaperRow } from '../../components/PaperRow';
import type { PaperView } from '../../utils/data/papers';
import type { PaperHandlers } from '../../utils/triage/types';
import { recordedRows } from '../support/page-harness';

afterEach(cleanup);

const views: PaperView[] = recordedRows()
  .slice(0, 3)
  .map((paper, i) => ({ paper, state: undefined, rank: i + 1 }));

/** A row that counts how often it is drawn. */
const drawn = new Map<string, number>();
function CountedRow(props: PaperItemProps) {
  drawn.set(props.view.paper.id, (drawn.get(props.view.paper.id) ?? 0) + 1);
  return <PaperRow {...props} />;
}

function List({ list, selected, toggled, tick }: { list: PaperView[]; selected?: string; toggled: string[]; tick: number }) {
  // New handler closures on every render, as a page makes them; each sees this render's `tick`.
  const given: PaperHandlers = { open() {}, toggleRead: (id) => toggled.push(`${id}@${tick}`), save() {}, dismiss() {}, restore() {}, cite() {}, select() {} };
  const handlers = useStableHandlers(given);
  return (
    <ol data-tick={tick}>
      {list.map((v) => (
        <SamePaper key={v.paper.id} item={CountedRow} view={v} handlers={handlers} selected={v.paper.id === selected} />
      ))}
    </ol>
  );
}

describe('SamePaper', () => {
  it('draws a paper again only when what it shows changed, and its buttons act with the latest handlers', () => {
    drawn.clear();
    const toggled: string[] = [];
    const { rerender, container } = render(<List list={views} toggled={toggled} tick={1} />);
    const ids = views.map((v) => v.paper.id);
    expect(ids.map((id) => drawn.get(id))).toEqual([1, 1, 1]);

    // The page re-renders for something else (new handler closures, same papers): nothing is drawn.
    rerender(<List list={views} toggled={toggled} tick={2} />);
    expect(ids.map((id) => drawn.get(id))).toEqual([1, 1, 1]);

    // One paper becomes current, another is read: those two are drawn again, the third is not.
    const read = { ...views[2]!, state: { id: ids[2]!, readAt: 1 } };
    rerender(<List list={[views[0]!, views[1]!, read]} selected={ids[0]} toggled={toggled} tick={3} />);
    expect(ids.map((id) => drawn.get(id))).toEqual([2, 1, 2]);
    expect(container.querySelector(`[data-paper-id="${ids[2]}"]`)?.getAttribute('data-read')).toBe('true');

    // A row kept since the first render calls the handler of the latest one.
    fireEvent.click(container.querySelector(`[data-paper-id="${ids[1]}"] [data-action="toggle-read"]`)!);
    expect(toggled).toEqual([`${ids[1]}@3`]);
  });
});
