import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

// Checks that read a rendered page: what sticks out of it or overlaps (layouts), and what axe-core
// finds (accessibility). Both run inside the page, on what the browser laid out.

/** What counts as one piece of a layout: controls and the labelled bits of a paper's line. */
const ATOMS = 'a, button, input, select, summary, kbd, .new-pill, .upvotes, .date, .authors, .snapshot-note, .rank, .brand, .status-text, .toast-text, .tab-count';

/**
 * Everything wrong with the layout as drawn: a page that scrolls sideways, an element that
 * sticks out of the window (after the clipping of its scrolling or ellipsis ancestors), and two
 * pieces (controls, markers, counts) drawn over each other. Empty when the layout holds.
 */
export function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate((atomSelector) => {
    const problems: string[] = [];
    const root = document.documentElement;
    const width = root.clientWidth;
    if (root.scrollWidth > width + 1) problems.push(`the page scrolls sideways: ${root.scrollWidth} px of content in ${width} px`);
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.getAttribute('data-action') ? `[data-action=${el.getAttribute('data-action')}]` : ''}${typeof el.className === 'string' && el.className.trim() ? `.${el.className.trim().split(/\s+/).join('.')}` : ''} “${(el.textContent ?? '').trim().slice(0, 40)}”`;
    /** The part of a box the user can see: cut by every ancestor of `el` that clips. */
    function clipped(el: Element, box: DOMRect): DOMRect | undefined {
      let [left, top, right, bottom] = [box.left, box.top, box.right, box.bottom];
      for (let up = el.parentElement; up && up !== document.body && up !== root; up = up.parentElement) {
        const style = getComputedStyle(up);
        if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
        const clip = up.getBoundingClientRect();
        [left, top, right, bottom] = [Math.max(left, clip.left), Math.max(top, clip.top), Math.min(right, clip.right), Math.min(bottom, clip.bottom)];
      }
      return right - left >= 1 && bottom - top >= 1 ? new DOMRect(left, top, right - left, bottom - top) : undefined;
    }
    // checkVisibility: rendered at all (not in a closed <details>, not display: none), and not `visibility: hidden`.
    const shown = [...document.body.querySelectorAll('*')].filter((el) => !el.closest('.sr-only, script, style') && el.checkVisibility({ visibilityProperty: true }));
    for (const el of shown) {
      const box = clipped(el, el.getBoundingClientRect());
      if (box && (box.right > width + 1 || box.left < -1)) problems.push(`${name(el)} sticks out: ${Math.round(box.left)}–${Math.round(box.right)} px of ${width}`);
    }
    // A piece's boxes: one per line for a link or label that wraps (its bounding box would span both lines).
    const atoms = shown
      .filter((el) => el.matches(atomSelector))
      .map((el) => ({ el, boxes: [...el.getClientRects()].map((box) => clipped(el, box)).filter((box): box is DOMRect => box !== undefined) }))
      .filter((a) => a.boxes.length > 0);
    // Markers and counts stay one small line: not a blob stretched over the row, not "▲" and "4" on two lines.
    for (const { el, boxes } of atoms) {
      if (!el.matches('.new-pill, .upvotes, .date, .tab-count, .rank')) continue;
      const tall = Math.max(...boxes.map((box) => box.height));
      const lines = new Set(boxes.map((box) => Math.round(box.top / 4))).size;
      if (lines > 1 || tall > 24) problems.push(`${name(el)} is not one small line: ${lines} lines, ${Math.round(tall)} px tall`);
    }
    const overlap = (a: DOMRect, b: DOMRect): [number, number] => [Math.min(a.right, b.right) - Math.max(a.left, b.left), Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top)];
    for (let i = 0; i < atoms.length; i++) {
      for (let j = i + 1; j < atoms.length; j++) {
        const [a, b] = [atoms[i]!, atoms[j]!];
        if (a.el.contains(b.el) || b.el.contains(a.el)) continue;
        for (const [x, y] of a.boxes.flatMap((boxA) => b.boxes.map((boxB) => overlap(boxA, boxB)))) {
          if (x > 1 && y > 1) {
            problems.push(`${name(a.el)} overlaps ${name(b.el)} by ${Math.round(x)}×${Math.round(y)} px`);
            break;
          }
        }
      }
    }
    return problems;
  }, ATOMS);
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
/** WCAG 2.2 level A and AA, as axe-core tags its rules. */
export const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/**
 * Runs axe-core's WCAG 2.2 AA rules on the page as it is now. The source goes in through the
 * DevTools protocol (`evaluate`), which the page's content security policy does not govern.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const { violations } = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  }, WCAG_22_AA);
}

/**
 * Scrolls the page down a screen at a time to its end, then back to the top, and waits until no
 * card is brief: cards far below the first screen are drawn whole only as they come near it
 * (utils/pages/use-near.ts), as a reader scrolling would make them.
 */
export async function scrollThrough(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const frame = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    for (let y = 0; y < document.documentElement.scrollHeight; y += innerHeight) {
      scrollTo(0, y);
      await frame();
    }
    scrollTo(0, 0);
  });
  await page.locator('[data-brief]').first().waitFor({ state: 'detached' });
}
