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
