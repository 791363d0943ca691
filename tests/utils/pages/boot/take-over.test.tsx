// @vitest-environment happy-dom
import { useEffect, useState } from 'preact/hooks';
import { beforeEach, describe, expect, it } from 'vitest';
import { saveBootCopy, showBootCopy } from '../../../../utils/pages/boot/boot-copy';
import { takeOver } from '../../../../utils/pages/boot/take-over';

const VERSION = 'chunks/popup-abc123.js';

/** Like the real pages: nothing at first, the papers once the database has answered. */
function App() {
  const [read, setRead] = useState<boolean | undefined>(undefined);
  useEffect(() => void Promise.resolve().then(() => setRead(true)), []);
  if (read === undefined) return <p>Loading</p>;
  return (
    <ol>
      <li data-paper-id="2606.00001" data-read={String(read)}>
        Live
      </li>
    </ol>
  );
}

beforeEach(() => {
  localStorage.clear();
  document.body.replaceChildren();
});

describe('takeOver', () => {
  it('keeps the boot copy up until the live page shows papers, then swaps in one go', async () => {
    const saved = document.createElement('div');
    const row = document.createElement('li');
    row.setAttribute('data-paper-id', '2606.00001');
    row.setAttribute('data-read', 'false');
    row.textContent = 'Copy';
    saved.append(document.createElement('ol'));
    saved.firstElementChild!.append(row);
    saveBootCopy('popup', VERSION, saved, 600);
    document.body.replaceChildren();
    const root = document.createElement('div');
    document.body.append(root);

    const boot = showBootCopy('popup', VERSION, root);
    takeOver(App, { root, boot, page: 'popup', version: VERSION });
    // The app's first render has no papers yet: the copy stays, the live root stays out of the page.
    expect(root.isConnected).toBe(false);
    expect(document.body.textContent).toContain('Copy');

    await expect.poll(() => root.isConnected).toBe(true);
    expect(document.querySelectorAll('[data-paper-id]')).toHaveLength(1);
    expect(document.querySelector('[data-paper-id]')?.getAttribute('data-read')).toBe('true');
    expect(document.body.textContent).not.toContain('Copy');
    // The live first screen is saved for the next visit.
    await expect.poll(() => localStorage.getItem('paperboy:boot:popup')).toContain('Live');
  });

  it('renders straight into the root when there is no copy', async () => {
    const root = document.createElement('div');
    document.body.append(root);
    takeOver(App, { root, boot: undefined, page: 'popup', version: VERSION });
    await expect.poll(() => root.querySelector('[data-paper-id]')?.textContent).toBe('Live');
    expect(root.isConnected).toBe(true);
  });
});

/** A live page whose late answer (a count, like the tabs') comes after its papers. */
function LateApp({ lateMs, onToggle }: { lateMs: number; onToggle?: () => void }) {
  const [shown, setShown] = useState(false);
  const [count, setCount] = useState<number | undefined>(undefined);
  useEffect(() => {
    setTimeout(() => setShown(true), 0);
    setTimeout(() => setCount(7), lateMs);
  }, [lateMs]);
  if (!shown) return <p>Loading</p>;
  return (
    <div>
      <span data-role="count">{count ?? ''}</span>
      <ol>
        <li data-paper-id="2606.00001">
          <button type="button" data-action="toggle-read" onClick={onToggle}>
            Live
          </button>
        </li>
      </ol>
    </div>
  );
}

/** A copy of LateApp's first screen on screen, and the live root out of the document. */
function bootOverCopy(): { root: HTMLElement; boot: ReturnType<typeof showBootCopy> } {
  const saved = document.createElement('div');
  saved.innerHTML = '<span data-role="count">7</span><ol><li data-paper-id="2606.00001"><button type="button" data-action="toggle-read">Copy</button></li></ol>';
  saveBootCopy('newtab', VERSION, saved, 600);
  document.body.replaceChildren();
  const root = document.createElement('div');
  document.body.append(root);
  return { root, boot: showBootCopy('newtab', VERSION, root) };
}

describe('takeOver, when the live page has late answers', () => {
  it('keeps the copy until they are in, then hands over in one go', async () => {
    const { root, boot } = bootOverCopy();
    let countAtHandOver: string | undefined;
    new MutationObserver(() => {
      if (root.isConnected && countAtHandOver === undefined) countAtHandOver = root.querySelector('[data-role="count"]')?.textContent ?? '';
    }).observe(document.body, { childList: true });
    takeOver(() => <LateApp lateMs={40} />, { root, boot, page: 'newtab', version: VERSION });

    await expect.poll(() => root.querySelector('[data-paper-id]')).not.toBeNull();
    expect(root.isConnected).toBe(false);
    await expect.poll(() => root.isConnected).toBe(true);
    // The count arrived while the copy was up: the live page came in with it, not before it.
    expect(countAtHandOver).toBe('7');
    expect(document.body.textContent).not.toContain('Copy');
  });

  it('hands over at once on a key, and replays a click, once the live page shows papers', async () => {
    for (const act of ['key', 'click'] as const) {
      const { root, boot } = bootOverCopy();
      let toggled = 0;
      takeOver(() => <LateApp lateMs={10_000} onToggle={() => toggled++} />, { root, boot, page: 'newtab', version: VERSION });
      await expect.poll(() => root.querySelector('[data-paper-id]')).not.toBeNull();
      expect(root.isConnected).toBe(false);

      if (act === 'key') document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'j', bubbles: true }));
      else document.querySelector('button')!.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
      expect(root.isConnected, act).toBe(true);
      expect(toggled, act).toBe(act === 'click' ? 1 : 0);
    }
  });
});
