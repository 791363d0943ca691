import { useEffect, useRef, useState } from 'preact/hooks';
import { INITIAL_KEY_STATE, keyReducer, keyTarget, type KeyEffect, type KeyState } from './keyboard';

const paperElement = (id: string) => document.querySelector<HTMLElement>(`[data-paper-id="${CSS.escape(id)}"]`);

/** Moves focus to a paper (unless it already holds it) and brings it into view. */
function focusPaper(id: string): void {
  const el = paperElement(id);
  if (!el || el.contains(document.activeElement)) return;
  el.focus({ preventScroll: true });
  el.scrollIntoView({ block: 'nearest' });
}

/** Focus went with a control that left the page: it is on the body now. */
function focusLost(): boolean {
  const active = document.activeElement;
  return !active || active === document.body || !active.isConnected;
}

interface Latest {
  keys: KeyState;
  ids: readonly string[];
  apply: (effect: KeyEffect) => void;
}

/**
 * Listens to the page's keys (each through the reducer, its effect handed to `apply`; a key that
 * moves the selection moves focus with it) and to focus reaching a paper, which makes it current.
 * Returns the cleanup.
 */
function listen(latest: { current: Latest }, setKeys: (update: KeyState | ((k: KeyState) => KeyState)) => void): () => void {
  function onKey(event: KeyboardEvent) {
    const { keys: state, ids: list, apply: run } = latest.current;
    const input = { key: event.key, ctrl: event.ctrlKey, meta: event.metaKey, alt: event.altKey, target: keyTarget(event.target) };
    const result = keyReducer(state, input, list);
    if (!result.handled) return;
    event.preventDefault();
    latest.current.keys = result.state;
    setKeys(result.state);
    if (result.state.selected && result.state.selected !== state.selected) focusPaper(result.state.selected);
    if (result.effect) run(result.effect);
  }
  function onFocusIn(event: FocusEvent) {
    const id = (event.target as Element | null)?.closest?.('[data-paper-id]')?.getAttribute('data-paper-id');
    if (id && id !== latest.current.keys.selected) setKeys((k) => ({ ...k, selected: id }));
  }
  document.addEventListener('keydown', onKey);
  document.addEventListener('focusin', onFocusIn);
  return () => {
    document.removeEventListener('keydown', onKey);
    document.removeEventListener('focusin', onFocusIn);
  };
}

/**
 * The page's keyboard and its one current paper. Each key press goes through the pure reducer
 * over the papers shown (`ids`, in display order) and its effect is handed to `apply`. The
 * current paper is the focused one: j/k move focus, and focus that reaches a paper by Tab or a
 * click makes it current, so the keys always act on the paper the user sees as current.
 */
export function useKeys(ids: readonly string[], apply: (effect: KeyEffect) => void) {
  const [keys, setKeys] = useState<KeyState>(INITIAL_KEY_STATE);
  const lastIndex = useRef(0);
  const focusWanted = useRef<string | undefined>(undefined);

  // The listeners read the latest list and state through a ref; they are attached once.
  const latest = useRef<Latest>({ keys, ids, apply });
  latest.current = { keys, ids, apply };
  useEffect(() => listen(latest, setKeys), []);

  // When the current paper leaves the list (hidden, or read under "Unread only"), the paper that
  // took its place becomes current, and takes focus if focus left with the paper. A paper waiting
  // for focus (one Undo brings back) takes it once it is listed again.
  const idsKey = ids.join('\n');
  useEffect(() => {
    const { keys: state, ids: list } = latest.current;
    const wanted = focusWanted.current;
    if (wanted !== undefined && list.includes(wanted)) {
      focusWanted.current = undefined;
      if (wanted !== state.selected) setKeys((k) => ({ ...k, selected: wanted }));
      return focusPaper(wanted);
    }
    if (state.selected === undefined) return;
    const index = list.indexOf(state.selected);
    if (index >= 0) return void (lastIndex.current = index);
    const next = list[Math.min(lastIndex.current, list.length - 1)];
    setKeys((k) => ({ ...k, selected: next }));
    if (next !== undefined && focusLost()) focusPaper(next);
  }, [idsKey, keys.selected]);

  return {
    keys,
    setKeys,
    /** Makes a paper current and focuses it as soon as it is listed. */
    focusWhenListed(id: string) {
      focusWanted.current = id;
      if (latest.current.ids.includes(id)) {
        focusWanted.current = undefined;
        setKeys((k) => ({ ...k, selected: id }));
        focusPaper(id);
      }
    },
    /** Gives focus back to the current paper (or the first) after a control holding it went away. */
    focusCurrent() {
      const id = latest.current.keys.selected ?? latest.current.ids[0];
      if (id !== undefined) focusPaper(id);
    },
    /** Selects a paper by a click on it: it takes focus too, so Tab goes on from there. */
    select(id: string) {
      setKeys((k) => ({ ...k, selected: id }));
      focusPaper(id);
    },
  };
}
