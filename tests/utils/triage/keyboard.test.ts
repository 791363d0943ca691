import { describe, expect, it } from 'vitest';
import { INITIAL_KEY_STATE, keyReducer, type KeyInput, type KeyState } from '../../../utils/triage/keyboard';

const ids = ['a', 'b', 'c'];
const press = (key: string, extra: Partial<KeyInput> = {}): KeyInput => ({ key, target: 'other', ...extra });

/** Runs keys in order from a state; returns the final result. */
function run(keys: (string | KeyInput)[], state: KeyState = INITIAL_KEY_STATE, list = ids) {
  let result = { state, handled: false } as ReturnType<typeof keyReducer>;
  for (const key of keys) result = keyReducer(result.state, typeof key === 'string' ? press(key) : key, list);
  return result;
}

describe('keyReducer: moving', () => {
  it('j selects the first paper, then moves down and stops at the last', () => {
    expect(run(['j']).state.selected).toBe('a');
    expect(run(['j', 'j']).state.selected).toBe('b');
    expect(run(['j', 'j', 'j', 'j', 'j']).state.selected).toBe('c');
  });

  it('k moves up and stops at the first', () => {
    expect(run(['j', 'j', 'j', 'k']).state.selected).toBe('b');
    expect(run(['j', 'k', 'k']).state.selected).toBe('a');
  });

  it('starts again from the top when the selected paper left the list', () => {
    expect(run(['j'], { help: false, selected: 'gone' }).state.selected).toBe('a');
  });

  it('does nothing on an empty list', () => {
    expect(run(['j'], INITIAL_KEY_STATE, [])).toEqual({ state: INITIAL_KEY_STATE, handled: false });
  });
});

describe('keyReducer: acting on the selected paper', () => {
  const on = (selected: string): KeyState => ({ help: false, selected });

  it('o and Enter open, Shift+O in the background', () => {
    expect(run(['o'], on('b')).effect).toEqual({ type: 'open', id: 'b', background: false });
    expect(run(['Enter'], on('b')).effect).toEqual({ type: 'open', id: 'b', background: false });
    expect(run(['O'], on('b')).effect).toEqual({ type: 'open', id: 'b', background: true });
  });

  it('m, s and Shift+X act on the selection; Shift+X moves it to the neighbour', () => {
    expect(run(['m'], on('a')).effect).toEqual({ type: 'toggle-read', id: 'a' });
    expect(run(['s'], on('a')).effect).toEqual({ type: 'save', id: 'a' });
    const dismissed = run(['X'], on('b'));
    expect(dismissed.effect).toEqual({ type: 'dismiss', id: 'b' });
    expect(dismissed.state.selected).toBe('c');
    expect(run(['X'], on('c')).state.selected).toBe('b');
    expect(run(['X'], on('a'), ['a']).state.selected).toBeUndefined();
  });

  it('a plain x, next to s, hides nothing: it only says which key does', () => {
    expect(run(['x'], on('b'))).toEqual({ state: on('b'), effect: { type: 'hint-hide' }, handled: true });
  });

  it('needs a selection to act', () => {
    for (const key of ['o', 'Enter', 'm', 's', 'x', 'X']) expect(run([key]).handled).toBe(false);
  });

  it('leaves Enter on a focused button or link to the browser', () => {
    expect(run([press('Enter', { target: 'control' })], on('a')).handled).toBe(false);
    // Letters still work there: focus often sits on a card's button after a click.
    expect(run([press('m', { target: 'control' })], on('a')).effect).toEqual({ type: 'toggle-read', id: 'a' });
  });

  it('/ focuses the search box and u undoes', () => {
    expect(run(['/']).effect).toEqual({ type: 'focus-search' });
    expect(run(['u']).effect).toEqual({ type: 'undo' });
  });
});

describe('keyReducer: typing, shortcuts and help', () => {
  it('ignores every key typed in a text field except Escape, which leaves it', () => {
    for (const key of ['j', 'k', 'o', 'm', 's', 'x', 'X', '/', '?', 'u', 'Enter']) {
      expect(run([press(key, { target: 'text' })], { help: false, selected: 'a' })).toEqual({
        state: { help: false, selected: 'a' },
        handled: false,
      });
    }
    expect(run([press('Escape', { target: 'text' })]).effect).toEqual({ type: 'blur' });
  });

  it('never takes a key held with Ctrl, ⌘ or Alt', () => {
    expect(run([press('j', { ctrl: true })]).handled).toBe(false);
    expect(run([press('s', { meta: true })], { help: false, selected: 'a' }).handled).toBe(false);
    expect(run([press('x', { alt: true })], { help: false, selected: 'a' }).handled).toBe(false);
  });

  it('? opens and closes the key map; Escape closes it; other keys wait while it is open', () => {
    expect(run(['?']).state.help).toBe(true);
    expect(run(['?', '?']).state.help).toBe(false);
    expect(run(['?', 'Escape']).state.help).toBe(false);
    expect(run(['?', 'j']).state).toEqual({ help: true });
    expect(run([press('Escape')]).handled).toBe(false);
  });
});
