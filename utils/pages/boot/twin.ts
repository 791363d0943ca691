// The twin of what the user clicked or focused on a boot copy (boot-copy.ts), in the live page
// that takes over: the copy is the live page's first screen (saved, or drawn from the data), so
// the same control is found by its name, or by its place and words.

/**
 * Where something on the copy is in the live page: a selector within the live root and, for a
 * control found by its place alone, the words it must show (else it is not the same control).
 */
export interface Twin {
  selector: string;
  text?: string;
}

/** What names a control in both the copy and the live page, besides its paper. */
const CONTROL_KEYS = ['data-action', 'data-feed', 'data-filter'] as const;

/** `element`'s place under `anchor`: a child-by-child selector from it (`:scope` when the anchor is the page). */
function placeOf(element: Element, anchor: Element, from: string): string {
  const steps: string[] = [];
  for (let node = element; node !== anchor && node.parentElement; node = node.parentElement) steps.unshift(`:nth-child(${[...node.parentElement.children].indexOf(node) + 1})`);
  return [from, ...steps].join(' > ');
}

/**
 * The same thing in the live page (`page`: the copy's container, which stands for the live root):
 * a control by its name (its action, tab or filter, within its paper; a radio by its name and
 * value; a label's control for the label); else a button with no name (a keyword, "Show
 * abstract") by its place in its paper or the page, and its words; else the paper itself (a click
 * on a card selects it).
 */
export function twinOf(target: EventTarget | null, page: Element): Twin | undefined {
  let element = target instanceof Element ? target : null;
  const label = element?.closest('label');
  if (label instanceof HTMLLabelElement && label.control) element = label.control;
  const paper = element?.closest('[data-paper-id]');
  const paperSelector = paper ? `[data-paper-id="${CSS.escape(paper.getAttribute('data-paper-id') ?? '')}"]` : undefined;
  const control = element?.closest(`${CONTROL_KEYS.map((key) => `[${key}]`).join(', ')}, input[name][value]`);
  if (control) {
    const key = CONTROL_KEYS.find((name) => control.hasAttribute(name));
    const own = key
      ? `[${key}="${CSS.escape(control.getAttribute(key) ?? '')}"]`
      : `input[name="${CSS.escape(control.getAttribute('name') ?? '')}"][value="${CSS.escape(control.getAttribute('value') ?? '')}"]`;
    return { selector: paperSelector ? `${paperSelector} ${own}` : own };
  }
  const button = element?.closest('button, summary');
  if (button && page.contains(button)) return { selector: placeOf(button, paper ?? page, paperSelector ?? ':scope'), text: button.textContent ?? '' };
  return paperSelector ? { selector: paperSelector } : undefined;
}

/** The twin's element in the live root, if it is there (and, found by its place, shows the same words). */
export function find(root: Element, twin: Twin | undefined): HTMLElement | null {
  const element = twin ? root.querySelector<HTMLElement>(twin.selector) : null;
  return element && (twin?.text === undefined || element.textContent === twin.text) ? element : null;
}

/** The focused element's twin in the live page: a field by its role, else as `twinOf`. */
export function focusTwinOf(active: Element, page: Element): Twin | undefined {
  const role = active.getAttribute('data-role');
  return role ? { selector: `[data-role="${CSS.escape(role)}"]` } : twinOf(active, page);
}
