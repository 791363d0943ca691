import { useEffect, useRef, useState } from 'preact/hooks';
import { INITIAL_KEY_STATE, keyReducer, keyTarget, type KeyEffect, type KeyState } from './keyboard';

/**
 * The page's keyboard: each key press goes through the pure reducer over the papers shown
 * (`ids`, in display order), and its effect is handed to `apply`. The selected paper is kept
 * focused (a visible ring) and in view.
 */
export function useKeys(ids: readonly string[], apply: (effect: KeyEffect) => void) {
  const [keys, setKeys] = useState<KeyState>(INITIAL_KEY_STATE);

  // The listener reads the latest list and state through a ref; it is attached once.
  const latest = useRef({ keys, ids, apply });
  latest.current = { keys, ids, apply };
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      const { keys: state, ids: list, apply: run } = latest.current;
      const input = { key: event.key, ctrl: event.ctrlKey, meta: event.metaKey, alt: event.altKey, target: keyTarget(event.target) };
      const result = keyReducer(state, input, list);
      if (!result.handled) return;
      event.preventDefault();
      setKeys(result.state);
      if (result.effect) run(result.effect);
    }
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    if (!keys.selected) return;
    const el = document.querySelector<HTMLElement>(`[data-paper-id="${CSS.escape(keys.selected)}"]`);
    if (!el || el.contains(document.activeElement)) return;
    el.focus({ preventScroll: true });
    el.scrollIntoView({ block: 'nearest' });
  }, [keys.selected]);

  return [keys, setKeys] as const;
}
