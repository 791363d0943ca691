import { describe, expect, it } from 'vitest';
import { createUndoStack, type UndoEntry } from '../../../utils/triage/undo';

describe('undo stack', () => {
  const entry = (name: string, log: string[]): UndoEntry => ({ undone: name, revert: async () => void log.push(name) });

  it('u takes back changes newest first, each once', async () => {
    const log: string[] = [];
    const stack = createUndoStack();
    stack.push(entry('hide', log));
    stack.push(entry('mark all read', log));
    expect((await stack.undo())?.undone).toBe('mark all read');
    expect((await stack.undo())?.undone).toBe('hide');
    expect(await stack.undo()).toBeUndefined();
    expect(log).toEqual(['mark all read', 'hide']);
  });

  it('a message’s Undo takes back its own change, not a later one, and never twice', async () => {
    const log: string[] = [];
    const stack = createUndoStack();
    const hide = entry('hide', log);
    stack.push(hide);
    stack.push(entry('mark read', log));
    expect((await stack.undo(hide))?.undone).toBe('hide');
    expect(await stack.undo(hide)).toBeUndefined();
    expect((await stack.undo())?.undone).toBe('mark read');
    expect(log).toEqual(['hide', 'mark read']);
  });

  it('keeps the newest changes only', async () => {
    const log: string[] = [];
    const stack = createUndoStack(2);
    for (const name of ['a', 'b', 'c']) stack.push(entry(name, log));
    expect(stack.size).toBe(2);
    await stack.undo();
    await stack.undo();
    expect(await stack.undo()).toBeUndefined();
    expect(log).toEqual(['c', 'b']);
  });
});
