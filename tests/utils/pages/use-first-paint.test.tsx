// @vitest-environment happy-dom
import { act, cleanup, render } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PaperCard } from '../../../components/PaperCard';
import { PaperRow } from '../../../components/PaperRow';
import type { PaperItemProps } from '../../../components/paper-attributes';
import type { PaperView } from '../../../utils/data/papers';
import { useFirstPaintDone } from '../../../utils/pages/use-first-paint';
import type { PaperHandlers } from '../../../utils/triage/types';
import { recordedRows } from '../../support/page-harness';

let frames: FrameRequestCallback[];
let visibility: DocumentVisibilityState;

beforeEach(() => {
  frames = [];
  visibility = 'visible';
  vi.useFakeTimers();
  vi.spyOn(window, 'requestAnimationFrame').mockImplementation((callback) => frames.push(callback));
  vi.spyOn(document, 'visibilityState', 'get').mockImplementation(() => visibility);
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const handlers: PaperHandlers = { open() {}, toggleRead() {}, save() {}, dismiss() {}, restore() {}, cite() {}, select() {} };
const [paper] = recordedRows();
const view: PaperView = { paper: paper!, state: { id: paper!.id, readAt: 5, savedAt: 6 }, rank: 12 };

/** A list of one paper beyond its first screen: a shell until the first paint is out. */
function List({ ready, item: Item }: { ready: boolean; item: (props: PaperItemProps) => unknown }) {
  const painted = useFirstPaintDone(ready);
  const Drawn = Item as (props: PaperItemProps) => preact.JSX.Element;
  return <div data-painted={String(painted)}>{ready && <Drawn view={view} handlers={handlers} shell={!painted} />}</div>;
}

/** The frame the browser draws, then the task after it. */
async function paint() {
  await act(async () => {
    frames.splice(0).forEach((frame) => frame(performance.now()));
    await vi.runAllTimersAsync();
  });
}

describe('useFirstPaintDone and shells: the first paint draws the first screen only', () => {
  for (const [kind, item] of [['row', PaperRow], ['card', PaperCard]] as const) {
    it(`a ${kind} beyond the first screen is its element alone, with its id and flags, until the first frame is out`, async () => {
      const { container } = render(<List ready item={item} />);
      const element = container.querySelector(`[data-paper-id="${paper!.id}"]`)!;
      expect(element.getAttribute('data-read')).toBe('true');
      expect(element.getAttribute('data-saved')).toBe('true');
      expect(element.hasAttribute('data-shell')).toBe(true);
      expect(element.childElementCount).toBe(0);
      await paint();
      const whole = container.querySelector(`[data-paper-id="${paper!.id}"]`)!;
      expect(whole.hasAttribute('data-shell')).toBe(false);
      expect(whole.querySelector('[data-action="toggle-read"]')).not.toBeNull();
      expect(whole.getAttribute('data-read')).toBe('true');
    });
  }

  it('waits for the list to have papers: an empty first render does not count', async () => {
    const { container, rerender } = render(<List ready={false} item={PaperRow} />);
    expect(frames).toHaveLength(0);
    await paint();
    expect(container.firstElementChild!.getAttribute('data-painted')).toBe('false');
    rerender(<List ready item={PaperRow} />);
    expect(container.querySelector('[data-shell]')).not.toBeNull();
    await paint();
    expect(container.querySelector('[data-shell]')).toBeNull();
  });

  it('draws everything at once in a hidden page, and when a page is hidden before its first frame', async () => {
    visibility = 'hidden';
    const hidden = render(<List ready item={PaperRow} />);
    expect(hidden.container.querySelector('[data-shell]')).toBeNull();
    cleanup();
    visibility = 'visible';
    const { container } = render(<List ready item={PaperRow} />);
    expect(container.querySelector('[data-shell]')).not.toBeNull();
    visibility = 'hidden';
    await act(() => void document.dispatchEvent(new Event('visibilitychange')));
    expect(container.querySelector('[data-shell]')).toBeNull();
  });
});
