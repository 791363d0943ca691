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

async function lint(code: string, file = 'components/LintProbe.tsx') {
  const eslint = new ESLint({ cwd: ROOT });
  const [result] = await eslint.lintText(`declare const el: HTMLElement; declare const paper: { title: string; summary: string; id: string };\n${code}\n`, {
    filePath: resolve(ROOT, file),
  });
  return result!.messages;
}

// ESLint loads its config and parser on first use: seconds on a busy machine.
describe('lint (eslint.config.js) bans every string-to-markup and string-to-code sink', { timeout: 30_000 }, () => {
  it.each(BANNED)('flags %s', async (_name, code) => {
    const messages = await lint(code);
    expect(messages.filter((m) => m.severity === 2).length).toBeGreaterThan(0);
    // A real rule fired, not a parse error.
    expect(messages.every((m) => m.ruleId !== null)).toBe(true);
  });

  it.each(['entrypoints/newtab/LintProbe.tsx', 'utils/lint-probe.ts'])('covers every shipped folder: %s', async (file) => {
    expect((await lint('el.innerHTML = paper.title;', file)).map((m) => m.ruleId)).toEqual(['no-restricted-syntax']);
  });

  it('bans eval outside shipped code too, but lets tests read markup to inspect a page', async () => {
    expect((await lint('eval(paper.title);', 'tests/utils/lint-probe.test.ts')).map((m) => m.ruleId)).toEqual(['no-eval']);
    expect(await lint('const html = el.innerHTML;', 'tests/utils/lint-probe.test.ts')).toEqual([]);
  });

  it('lets the safe equivalents through', async () => {
    const messages = await lint(
      [
        'el.textContent = paper.title;',
        'const x = <p title={paper.title}>{paper.summary}</p>;',
        'setTimeout(() => el.remove(), 10);',
        "document.createElement('p').append(paper.title);",
      ].join('\n'),
    );
    expect(messages).toEqual([]);
  });
});
