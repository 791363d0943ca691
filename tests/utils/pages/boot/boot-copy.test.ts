// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildNodes, captureFirstScreen, saveBootCopy, showBootCopy } from '../../../../utils/pages/boot/boot-copy';
import { readBootCopy, writeBootCopy } from '../../../../utils/pages/boot/boot-copy-store';

const VERSION = 'chunks/newtab-abc123.js';

/** A page like the new tab: a header and a few paper cards. */
function page(): HTMLElement {
  const root = document.createElement('div');
  const main = document.createElement('main');
  main.className = 'cards';
  for (const [id, read] of [['2606.00001', 'false'], ['2606.00002', 'true'], ['hep-th/9901001', 'false']]) {
    const card = document.createElement('article');
    card.setAttribute('data-paper-id', id!);
    card.setAttribute('data-read', read!);
    const link = document.createElement('a');
    link.setAttribute('data-action', 'open');
    link.setAttribute('href', `https://huggingface.co/papers/${id}`);
    link.textContent = `<b>Paper ${id}</b> & more`;
    const toggle = document.createElement('button');
    toggle.setAttribute('data-action', 'toggle-read');
    card.append(link, ' ', toggle);
    main.append(card);
  }
  const icon = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  icon.setAttribute('viewBox', '0 0 10 10');
  const search = document.createElement('input');
  search.setAttribute('data-role', 'search');
  root.append(icon, search, main);
  document.body.append(root);
  return root;
}

/** A later visit: the page saved as a copy, then shown from it in place of an empty live root. */
function bootFromCopy() {
  saveBootCopy('newtab', VERSION, page(), 900);
  document.body.replaceChildren();
  const root = document.createElement('div');
  document.body.append(root);
  return { root, boot: showBootCopy('newtab', VERSION, root)! };
}

/** The app drawing the live page into the root, out of the document while the copy is shown. */
function drawLive(root: HTMLElement) {
  const live = page();
  root.append(...live.childNodes);
  live.remove();
}

function placeAt(element: Element, top: number) {
  vi.spyOn(element, 'getBoundingClientRect').mockReturnValue({ top } as DOMRect);
}

beforeEach(() => {
  localStorage.clear();
  document.body.replaceChildren();
});

afterEach(() => vi.restoreAllMocks());

describe('boot cache', () => {
  it('restores the saved first screen exactly, as elements and text', () => {
    const root = page();
    saveBootCopy('newtab', VERSION, root, 900);
    const nodes = buildNodes(document, readBootCopy('newtab', VERSION)!.nodes);
    const copy = document.createElement('div');
    copy.append(...nodes);
    expect(copy.childNodes).toHaveLength(root.childNodes.length);
    copy.childNodes.forEach((node, i) => expect(node.isEqualNode(root.childNodes[i]!)).toBe(true));
    expect(copy.querySelector('svg')?.namespaceURI).toBe('http://www.w3.org/2000/svg');
    // Markup in remote text stays text.
    expect(copy.querySelector('b')).toBeNull();
    expect(copy.querySelector('[data-paper-id="2606.00002"]')?.getAttribute('data-read')).toBe('true');
  });

  it('leaves out what belongs to the moment: a message and an open dialog', () => {
    const root = page();
    const toast = document.createElement('div');
    toast.setAttribute('data-role', 'toast');
    toast.textContent = 'Marked “A” read.';
    const dialog = document.createElement('dialog');
    dialog.setAttribute('open', '');
    root.append(toast, dialog);
    const copied = JSON.stringify(captureFirstScreen(root, 900));
    expect(copied).not.toContain('Marked');
    expect(copied).not.toContain('dialog');
    expect(copied).toContain('2606.00001');
  });

  it('keeps papers below the first screen as empty shells with their id and flag', () => {
    const root = page();
    const cards = root.querySelectorAll('[data-paper-id]');
    placeAt(cards[0]!, 10);
    placeAt(cards[1]!, 500);
    placeAt(cards[2]!, 950);
    const copy = document.createElement('div');
    copy.append(...buildNodes(document, captureFirstScreen(root, 900)));
    const copied = [...copy.querySelectorAll('[data-paper-id]')];
    expect(copied.map((card) => [card.getAttribute('data-paper-id'), card.getAttribute('data-read'), card.childNodes.length])).toEqual([
      ['2606.00001', 'false', 3],
      ['2606.00002', 'true', 3],
      ['hep-th/9901001', 'false', 0],
    ]);
  });

  it('writes a copy only when it differs from the one saved: the visits that change nothing write nothing', () => {
    const root = page();
    const setItem = vi.spyOn(localStorage, 'setItem');
    saveBootCopy('newtab', VERSION, root, 10_000, '');
    saveBootCopy('newtab', VERSION, root, 10_000, '');
    expect(setItem).toHaveBeenCalledTimes(1);
    root.querySelector('[data-paper-id]')!.setAttribute('data-read', 'true');
    saveBootCopy('newtab', VERSION, root, 10_000, '');
    expect(setItem).toHaveBeenCalledTimes(2);
    expect(readBootCopy('newtab', VERSION)?.nodes).toEqual(captureFirstScreen(root, 10_000));
    setItem.mockRestore();
  });

  it('never shows a copy saved by another build, or none for a page without papers', () => {
    saveBootCopy('newtab', VERSION, page(), 900);
    expect(readBootCopy('newtab', 'chunks/newtab-other.js')).toBeUndefined();
    expect(readBootCopy('popup', VERSION)).toBeUndefined();
    const empty = document.createElement('div');
    empty.textContent = 'Nothing here yet.';
    saveBootCopy('popup', VERSION, empty, 600);
    expect(localStorage.getItem('paperboy:boot:popup')).toBeNull();
  });

  it('keeps and shows only the plain address: a view or a search in the address would flash the wrong papers', () => {
    saveBootCopy('newtab', VERSION, page(), 900, '?feed=rising');
    saveBootCopy('newtab', VERSION, page(), 900, '?q=attention');
    expect(localStorage.getItem('paperboy:boot:newtab')).toBeNull();
    saveBootCopy('newtab', VERSION, page(), 900, '');
    const root = document.createElement('div');
    document.body.replaceChildren(root);
    expect(showBootCopy('newtab', VERSION, root, '?feed=for-you')).toBeUndefined();
    expect(root.isConnected).toBe(true);
    expect(showBootCopy('newtab', VERSION, root, '')).toBeDefined();
    expect(root.isConnected).toBe(false);
  });

  it('drops event handlers and unsafe URLs from a tampered copy', () => {
    const nodes = [
      ['a', [['href', 'javascript:alert(1)'], ['onclick', 'alert(2)'], ['data-action', 'open']], ['x']],
      ['img', [['src', ' JAVASCRIPT:alert(3)'], ['alt', '']], []],
      ['a', [['href', 'https://arxiv.org/abs/2606.00001']], ['ok']],
      ['img', [['src', '/icon/32.png']], []],
      // The page's own URLs (the full view, the settings) stay; another origin's that safeUrl refuses goes.
      ['a', [['href', `${location.origin}/options.html`]], ['own']],
      ['a', [['href', 'chrome-extension://another/options.html']], ['other']],
      ['a', [['href', '']], ['no link']],
    ];
    localStorage.setItem('paperboy:boot:newtab', JSON.stringify({ version: VERSION, nodes }));
    const copy = document.createElement('div');
    copy.append(...buildNodes(document, readBootCopy('newtab', VERSION)!.nodes));
    const attributes = [...copy.children].map((el) => [el.localName, ...[...el.attributes].map((a) => `${a.name}=${a.value}`)]);
    expect(attributes).toEqual([['a', 'data-action=open'], ['img', 'alt='], ['a', 'href=https://arxiv.org/abs/2606.00001'], ['img', 'src=/icon/32.png'], ['a', `href=${location.origin}/options.html`], ['a'], ['a', 'href=']]);
  });

  it('copies a radio checked by its property (as Preact checks it) as checked', () => {
    const root = document.createElement('div');
    for (const value of ['cards', 'list']) {
      const radio = document.createElement('input');
      radio.type = 'radio';
      radio.name = 'density';
      radio.value = value;
      radio.checked = value === 'list';
      root.append(radio);
    }
    const copy = document.createElement('div');
    copy.append(...buildNodes(document, captureFirstScreen(root, 900)));
    expect([...copy.querySelectorAll('input')].map((radio) => radio.checked)).toEqual([false, true]);
  });

  it('survives a corrupt entry', () => {
    localStorage.setItem('paperboy:boot:newtab', '{not json');
    expect(readBootCopy('newtab', VERSION)).toBeUndefined();
  });

  it('shows the copy in place of the live root, then hands over and replays a click', () => {
    const { root, boot } = bootFromCopy();
    expect(root.isConnected).toBe(false);
    expect(document.querySelectorAll('[data-paper-id]')).toHaveLength(3);

    const copied = document.querySelector('[data-paper-id="2606.00002"] [data-action="toggle-read"]') as HTMLElement;
    copied.click();

    drawLive(root);
    const clicked = vi.fn();
    root.querySelector('[data-paper-id="2606.00002"] [data-action="toggle-read"]')!.addEventListener('click', clicked);
    boot.handOver();
    expect(root.isConnected).toBe(true);
    expect(document.querySelectorAll('[data-paper-id]')).toHaveLength(3);
    expect(clicked).toHaveBeenCalledOnce();
  });

  it('replays every click made on the copy, in order (two papers marked read before the app is in)', () => {
    const { root, boot } = bootFromCopy();
    const control = (id: string) => `[data-paper-id="${id}"] [data-action="toggle-read"]`;
    (document.querySelector(control('2606.00001')) as HTMLElement).click();
    (document.querySelector(control('2606.00002')) as HTMLElement).click();
    drawLive(root);
    const clicked: string[] = [];
    for (const id of ['2606.00001', '2606.00002']) root.querySelector(control(id))!.addEventListener('click', () => clicked.push(id));
    boot.handOver();
    expect(clicked).toEqual(['2606.00001', '2606.00002']);
  });

  it('gives the focus to the twin of the control the user was on before replaying the clicks, and replays a click on a card on its paper', () => {
    const { root, boot } = bootFromCopy();
    const copied = document.querySelector<HTMLElement>('[data-paper-id="2606.00002"] [data-action="toggle-read"]')!;
    copied.focus();
    copied.click();
    // A click on the card itself, not on one of its controls (the live page selects the paper).
    document.querySelector<HTMLElement>('[data-paper-id="hep-th/9901001"]')!.click();

    drawLive(root);
    const control = root.querySelector<HTMLElement>('[data-paper-id="2606.00002"] [data-action="toggle-read"]')!;
    const focusedAtClick: (Element | null)[] = [];
    control.addEventListener('click', () => focusedAtClick.push(document.activeElement));
    const card = root.querySelector<HTMLElement>('[data-paper-id="hep-th/9901001"]')!;
    const cardClicks = vi.fn();
    card.addEventListener('click', (event) => event.target === card && cardClicks());
    boot.handOver();
    // Focused as a real click would have left it: a dialog that click opens gives the focus back there.
    expect(focusedAtClick).toEqual([control]);
    expect(document.activeElement).toBe(control);
    expect(cardClicks).toHaveBeenCalledOnce();
  });

  it('replays the shortcut keys pressed on the copy, in order with its clicks, and not what was typed into a field or pressed with Ctrl', () => {
    const { root, boot } = bootFromCopy();
    const press = (target: EventTarget, key: string, init: KeyboardEventInit = {}) => target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, ...init }));
    press(document.body, 'j');
    document.querySelector<HTMLElement>('[data-paper-id="2606.00001"] [data-action="toggle-read"]')!.click();
    press(document.body, '?');
    press(document.querySelector('[data-role="search"]')!, 'x');
    press(document.body, 'k', { ctrlKey: true });
    press(document.body, ' ');

    drawLive(root);
    const done: string[] = [];
    root.querySelector('[data-paper-id="2606.00001"] [data-action="toggle-read"]')!.addEventListener('click', () => done.push('click'));
    const keys = (event: KeyboardEvent) => done.push(event.key);
    document.addEventListener('keydown', keys);
    boot.handOver();
    expect(done).toEqual(['j', 'click', '?']);
    // Once the live page is in, its own keys answer: nothing more is held.
    press(document.body, 'm');
    boot.handOver();
    expect(done).toEqual(['j', 'click', '?', 'm']);
    document.removeEventListener('keydown', keys);
  });

  it('replays a click on a tab, a filter or a radio (by its label too) on its live twin', () => {
    const controls = () => {
      const bar = document.createElement('div');
      const tab = document.createElement('button');
      tab.setAttribute('data-feed', 'hf-daily');
      const code = document.createElement('input');
      code.type = 'checkbox';
      code.setAttribute('data-filter', 'code');
      const label = document.createElement('label');
      const radio = document.createElement('input');
      radio.type = 'radio';
      radio.name = 'density';
      radio.value = 'list';
      label.append(radio, 'List');
      bar.append(tab, code, label);
      return bar;
    };
    document.body.replaceChildren(controls());
    writeBootCopy('newtab', { version: VERSION, nodes: captureFirstScreen(document.body, 900) });
    document.body.replaceChildren();
    const root = document.createElement('div');
    document.body.append(root);
    const boot = showBootCopy('newtab', VERSION, root)!;
    document.querySelector<HTMLElement>('[data-feed="hf-daily"]')!.click();
    document.querySelector<HTMLElement>('[data-filter="code"]')!.click();
    document.querySelector<HTMLElement>('label')!.click();
    // Held: nothing changed on the copy.
    expect(document.querySelector<HTMLInputElement>('[data-filter="code"]')!.checked).toBe(false);

    root.append(controls());
    const opened = vi.fn();
    root.querySelector('[data-feed="hf-daily"]')!.addEventListener('click', opened);
    boot.handOver();
    expect(opened).toHaveBeenCalledOnce();
    expect(root.querySelector<HTMLInputElement>('[data-filter="code"]')!.checked).toBe(true);
    expect(root.querySelector<HTMLInputElement>('input[name="density"]')!.checked).toBe(true);
  });

  /** Two cards with keyword buttons (no `data-action`) and a link of their own, and a button of the page's. */
  function unnamedControls(keyword: string): Element[] {
    const card = (id: string) => {
      const article = document.createElement('article');
      article.setAttribute('data-paper-id', id);
      const chips = document.createElement('ul');
      for (const word of ['agents', keyword]) {
        const chip = document.createElement('button');
        chip.textContent = word;
        const item = document.createElement('li');
        item.append(chip);
        chips.append(item);
      }
      const link = document.createElement('a');
      link.setAttribute('href', `https://arxiv.org/abs/${id}`);
      link.setAttribute('target', '_blank');
      link.textContent = 'arXiv';
      article.append(chips, link);
      return article;
    };
    const main = document.createElement('main');
    main.append(card('2606.00001'), card('2606.00002'));
    const more = document.createElement('button');
    more.textContent = 'More';
    return [main, more];
  }

  function bootFromUnnamed(): { root: HTMLElement; boot: ReturnType<typeof showBootCopy> } {
    document.body.replaceChildren(...unnamedControls('robots'));
    writeBootCopy('newtab', { version: VERSION, nodes: captureFirstScreen(document.body, 900) });
    document.body.replaceChildren();
    const root = document.createElement('div');
    document.body.append(root);
    return { root, boot: showBootCopy('newtab', VERSION, root) };
  }

  it("replays a click on a button with no name (a keyword) on the button in its place, and leaves a paper's own link to the browser", () => {
    const { root, boot } = bootFromUnnamed();
    document.querySelector<HTMLElement>('[data-paper-id="2606.00002"] li:nth-child(2) button')!.click();
    [...document.querySelectorAll<HTMLElement>('button')].find((button) => button.textContent === 'More')!.click();
    // The link's own click: the copy does not hold it back (the test stops happy-dom's navigation after).
    const link = document.querySelector<HTMLElement>('[data-paper-id="2606.00001"] a')!;
    let heldBack: boolean | undefined;
    const stop = (event: Event) => {
      if (event.target !== link) return;
      heldBack = event.defaultPrevented;
      event.preventDefault();
    };
    document.addEventListener('click', stop);
    link.click();
    document.removeEventListener('click', stop);
    expect(heldBack).toBe(false);

    root.append(...unnamedControls('robots'));
    const clicked: string[] = [];
    root.addEventListener('click', (event) => {
      const target = event.target as Element;
      clicked.push(`${target.closest('[data-paper-id]')?.getAttribute('data-paper-id') ?? 'page'} ${target.localName} ${target.textContent}`);
    });
    boot!.handOver();
    // The keyword and the page's button on their twins; for the link, its paper (selected, as the live page's click would).
    expect(clicked).toEqual(['2606.00002 button robots', 'page button More', '2606.00001 article agentsrobotsarXiv']);
  });

  it('drops a click on a button with no name when the live page shows other words in its place', () => {
    const { root, boot } = bootFromUnnamed();
    document.querySelector<HTMLElement>('[data-paper-id="2606.00002"] li:nth-child(2) button')!.click();
    root.append(...unnamedControls('drones'));
    const clicked = vi.fn();
    root.addEventListener('click', clicked);
    boot!.handOver();
    expect(clicked).not.toHaveBeenCalled();
  });

  it('carries over the field the user was in on the copy, and what they typed there', () => {
    const { root, boot } = bootFromCopy();
    const copied = document.querySelector<HTMLInputElement>('[data-role="search"]')!;
    copied.focus();
    copied.value = 'diffusion';

    drawLive(root);
    const field = root.querySelector<HTMLInputElement>('[data-role="search"]')!;
    const typed = vi.fn((event: Event) => (event.target as HTMLInputElement).value);
    field.addEventListener('input', typed);
    boot.handOver();
    expect(document.activeElement).toBe(field);
    expect(field.value).toBe('diffusion');
    expect(typed).toHaveReturnedWith('diffusion');
  });

  it('moves no focus and sends no input when the user did nothing on the copy', () => {
    const { root, boot } = bootFromCopy();
    drawLive(root);
    const typed = vi.fn();
    root.querySelector('[data-role="search"]')!.addEventListener('input', typed);
    boot.handOver();
    expect(document.activeElement).toBe(document.body);
    expect(typed).not.toHaveBeenCalled();
  });
});
