import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');

// Each snippet turns a string into markup or code. The lint must stop every one of them, in
// the forms people actually write.
const BANNED: [string, string][] = [
  ['innerHTML assignment', 'el.innerHTML = paper.title;'],
  ['innerHTML compound assignment', 'el.innerHTML += paper.title;'],
  ['innerHTML by computed key', "el['innerHTML'] = paper.title;"],
  ['innerHTML through Object.assign', 'Object.assign(el, { innerHTML: paper.title });'],
  ['outerHTML', 'el.outerHTML = paper.title;'],
  ['insertAdjacentHTML', "el.insertAdjacentHTML('beforeend', paper.title);"],
  ['createContextualFragment', 'document.createRange().createContextualFragment(paper.title);'],
  ['dangerouslySetInnerHTML', 'const x = <p dangerouslySetInnerHTML={{ __html: paper.title }} />;'],
  ['srcdoc', 'const x = <iframe srcdoc={paper.summary} />;'],
  ['document.write', 'document.write(paper.title);'],
  ['window.document.writeln', 'window.document.writeln(paper.title);'],
  ['eval', 'eval(paper.title);'],
  ['indirect eval', 'window.eval(paper.title);'],
  ['new Function', "new Function('return 1');"],
  ['Function call', 'Function(paper.title)();'],
  ['string setTimeout', "setTimeout('refresh()', 10);"],
  ['template-string setInterval', 'setInterval(`load(${paper.id})`, 10);'],
  ['javascript: URL', "const href = 'javascript:void(0)';"],
];

const SECURITY_RULES = new Set(['no-restricted-syntax', 'no-eval', 'no-new-func', 'no-implied-eval', 'no-script-url']);

async function lint(code: string, file = 'components/LintProbe.tsx') {
  const eslint = new ESLint({ cwd: ROOT });
  const [result] = await eslint.lintText(`declare const el: HTMLElement; declare const paper: { title: string; summary: string; id: string };\nexport { el, paper };\n${code}\n`, {
    filePath: resolve(ROOT, file),
  });
  return result!.messages;
}

// ESLint loads its config and parser on first use: seconds on a busy machine.
describe('lint (eslint.config.js) bans every string-to-markup and string-to-code sink', { timeout: 30_000 }, () => {
  it.each(BANNED)('flags %s', async (_name, code) => {
    const messages = await lint(code);
    // A security rule fired (the probes also leave variables unused, which is another rule).
    expect(messages.filter((m) => m.severity === 2 && SECURITY_RULES.has(m.ruleId ?? '')).length).toBeGreaterThan(0);
    // A real rule fired, not a parse error.
    expect(messages.every((m) => m.ruleId !== null)).toBe(true);
  });

  it.each(['entrypoints/newtab/LintProbe.tsx', 'utils/lint-probe.ts'])('covers every shipped folder: %s', async (file) => {
    expect((await lint('el.innerHTML = paper.title;', file)).map((m) => m.ruleId)).toEqual(['no-restricted-syntax']);
  });

  it('bans eval outside shipped code too, but lets tests read markup to inspect a page', async () => {
    expect((await lint('eval(paper.title);', 'tests/utils/lint-probe.test.ts')).map((m) => m.ruleId)).toEqual(['no-eval']);
    expect(await lint('export const html = el.innerHTML;', 'tests/utils/lint-probe.test.ts')).toEqual([]);
  });

  it('lets the safe equivalents through', async () => {
    const messages = await lint(
      [
        'el.textContent = paper.title;',
        'const x = <p title={paper.title}>{paper.summary}</p>;',
        'setTimeout(() => el.remove(), 10);',
        "document.createElement('p').append(paper.title);",
        'export { x };',
      ].join('\n'),
    );
    expect(messages).toEqual([]);
  });
});

describe('lint catches everyday bugs', { timeout: 30_000 }, () => {
  const rules = async (code: string, file = 'utils/lint-probe.ts') => (await lint(code, file)).map((m) => m.ruleId);

  it('an unused import or variable', async () => {
    expect(await rules("import { useMemo } from 'preact/hooks';\nexport const a = 1;")).toEqual(['@typescript-eslint/no-unused-vars']);
    expect(await rules('export function f() { const unused = 1; return 2; }')).toEqual(['@typescript-eslint/no-unused-vars']);
    // A deliberately unused binding says so with a leading underscore.
    expect(await rules('export function f(o: { a?: number; b: number }) { const { a: _a, ...rest } = o; return rest; }')).toEqual([]);
  });

  it('a hook with an incomplete dependency list, including useLiveQuery', async () => {
    const effect = "import { useEffect } from 'preact/hooks';\nexport function useX(id: string) { useEffect(() => { console.log(id); }, []); }";
    expect(await rules(effect)).toEqual(['react-hooks/exhaustive-deps']);
    const live = "declare function useLiveQuery<T>(q: () => Promise<T>, deps: unknown[], initial: T): T;\nexport function useX(id: string) { return useLiveQuery(() => Promise.resolve(id), [], undefined); }";
    expect(await rules(live)).toEqual(['react-hooks/exhaustive-deps']);
  });

  it('a hook called conditionally', async () => {
    const code = "import { useState } from 'preact/hooks';\nexport function useX(on: boolean) { if (on) useState(0); }";
    expect(await rules(code)).toEqual(['react-hooks/rules-of-hooks']);
  });
});

// Every word the user reads is a message (assets/locales/<lang>.yml, read through t()): a literal
// in JSX text or in what a control is called slips past the German page.
describe('lint refuses words written into shipped markup', { timeout: 30_000 }, () => {
  const WORDS = "Words the user reads: put the words in assets/locales/en.yml and de.yml and use t('key') from utils/lib/i18n.ts.";
  const words = async (code: string, file = 'components/LintProbe.tsx') =>
    (await lint(`declare const t: (key: string) => string; declare const on: boolean;\n${code}\nexport { x };`, file)).filter((m) => m.message === WORDS);

  it.each([
    ['JSX text', 'const x = <p>Sync now</p>;'],
    ['JSX text in German', 'const x = <p>Jetzt synchronisieren</p>;'],
    ['an aria-label', 'const x = <button aria-label="Close message" />;'],
    ['a title', 'const x = <span title="Upvotes on Hugging Face" />;'],
    ['a placeholder', 'const x = <input placeholder="Search all papers" />;'],
    ['an alt text', 'const x = <img alt="Paperboy" />;'],
    ['a title chosen in an expression', "const x = <span title={on ? 'Saved' : 'Save'} />;"],
    ['a string as a child', "const x = <button>{on ? 'Syncing…' : 'Sync now'}</button>;"],
    ['a template as a child', 'const x = <p>{`${paper.id} unread`}</p>;'],
    ['a title in a template', 'const x = <span title={`Show papers about ${paper.title}`} />;'],
  ])('flags %s', async (_name, code) => {
    expect((await words(code)).length).toBeGreaterThan(0);
  });

  it.each(['entrypoints/popup/LintProbe.tsx', 'utils/lint-probe.tsx'])('in every shipped folder: %s', async (file) => {
    expect(await words('const x = <p>Sync now</p>;', file)).toHaveLength(1);
  });

  it('lets messages, remote text, symbols and empty alt texts through, and tests write what they like', async () => {
    const safe = [
      "const x = <p title={t(on ? 'paper.saved' : 'paper.save')} aria-label={t('toast.close')}>",
      "  {t('sync.now')} · {paper.title} ▲ 12 <img alt=\"\" /> <span title={paper.summary} />",
      '</p>;',
    ].join('\n');
    expect(await words(safe)).toEqual([]);
    expect(await words('const x = <p title="Sync">Sync now</p>;', 'tests/components/lint-probe.test.tsx')).toEqual([]);
  });
});
