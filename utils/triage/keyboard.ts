import type { MessageKey } from '../lib/i18n';
/** What the keyboard does on a paper list, as a pure reducer the pages drive. */

/** Where the key was pressed: in a text field, on a button or link, or anywhere else. */
export type KeyTarget = 'text' | 'control' | 'other';

export interface KeyInput {
  key: string;
  ctrl?: boolean;
  meta?: boolean;
  alt?: boolean;
  target: KeyTarget;
}

export interface KeyState {
  /** The paper the keys act on. */
  selected?: string;
  /** The key map overlay is open. */
  help: boolean;
}

export type KeyEffect =
  | { type: 'open'; id: string; background: boolean }
  | { type: 'toggle-read'; id: string }
  | { type: 'save'; id: string }
  | { type: 'dismiss'; id: string }
  /** A plain `x`: hiding takes Shift+X (x sits next to s), so the page says so. */
  | { type: 'hint-hide' }
  | { type: 'undo' }
  | { type: 'focus-search' }
  | { type: 'blur' };

export interface KeyResult {
  state: KeyState;
  effect?: KeyEffect;
  /** The page should call preventDefault: the key did something here. */
  handled: boolean;
}

/** The key map, as the `?` overlay and the README show it. */
export const KEY_MAP: readonly [keys: string, does: MessageKey][] = [
  ['j / k', 'keys.map.move'],
  ['o or Enter', 'keys.map.open'],
  ['m', 'keys.map.read'],
  ['s', 'keys.map.save'],
  ['Shift+X', 'keys.map.hide'],
  ['u', 'keys.map.undo'],
  ['/', 'keys.map.search'],
  ['Esc', 'keys.map.escape'],
  ['?', 'keys.map.help'],
];

export const INITIAL_KEY_STATE: KeyState = { help: false };

const ignored = (state: KeyState): KeyResult => ({ state, handled: false });

/** Applies one key press to the selection over the papers shown (`ids`, in display order). */
export function keyReducer(state: KeyState, input: KeyInput, ids: readonly string[]): KeyResult {
  // Browser and OS shortcuts (Ctrl+F, ⌘+L, Alt+←) are never ours.
  if (input.ctrl || input.meta || input.alt) return ignored(state);
  if (input.key === 'Escape') {
    if (state.help) return { state: { ...state, help: false }, handled: true };
    return input.target === 'text' ? { state, effect: { type: 'blur' }, handled: true } : ignored(state);
  }
  // Typing a "j" in the search box types a "j".
  if (input.target === 'text') return ignored(state);
  if (input.key === '?') return { state: { ...state, help: !state.help }, handled: true };
  if (state.help) return ignored(state);

  const index = state.selected === undefined ? -1 : ids.indexOf(state.selected);
  const selected = index >= 0 ? state.selected : undefined;
  switch (input.key) {
    case 'j':
      return move(state, ids, index < 0 ? 0 : Math.min(index + 1, ids.length - 1));
    case 'k':
      return move(state, ids, index < 0 ? 0 : Math.max(index - 1, 0));
    case '/':
      return { state, effect: { type: 'focus-search' }, handled: true };
    case 'u':
      return { state, effect: { type: 'undo' }, handled: true };
    case 'Enter':
      // Enter on a focused button or link is that control's own click.
      if (input.target === 'control') return ignored(state);
      return selected ? { state, effect: { type: 'open', id: selected, background: false }, handled: true } : ignored(state);
    case 'o':
    case 'O':
      return selected ? { state, effect: { type: 'open', id: selected, background: input.key === 'O' }, handled: true } : ignored(state);
    case 'm':
      return selected ? { state, effect: { type: 'toggle-read', id: selected }, handled: true } : ignored(state);
    case 's':
      return selected ? { state, effect: { type: 'save', id: selected }, handled: true } : ignored(state);
    case 'x':
      return selected ? { state, effect: { type: 'hint-hide' }, handled: true } : ignored(state);
    case 'X': {
      if (!selected) return ignored(state);
      // The hidden paper leaves the list: the selection moves on to its neighbour.
      const next = ids[index + 1] ?? ids[index - 1];
      return { state: { ...state, selected: next }, effect: { type: 'dismiss', id: selected }, handled: true };
    }
    default:
      return ignored(state);
  }
}

function move(state: KeyState, ids: readonly string[], to: number): KeyResult {
  const id = ids[to];
  return id === undefined ? ignored(state) : { state: { ...state, selected: id }, handled: true };
}

/** Classifies an event target for the reducer. */
export function keyTarget(target: EventTarget | null): KeyTarget {
  const el = target as HTMLElement | null;
  if (!el || typeof el.tagName !== 'string') return 'other';
  const tag = el.tagName.toLowerCase();
  if (el.isContentEditable || tag === 'textarea' || tag === 'select') return 'text';
  if (tag === 'input') {
    const type = (el as HTMLInputElement).type;
    return type === 'checkbox' || type === 'radio' || type === 'button' || type === 'submit' ? 'control' : 'text';
  }
  return tag === 'button' || tag === 'a' || tag === 'summary' ? 'control' : 'other';
}
