// @ts-check
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// Each of these turns a string into markup. Remote text (titles, abstracts, URLs) reaches the
// DOM only as text, so none of them has a place in what ships: not as a property (read or
// written), not as a computed key, not as an object key handed to Object.assign, not as a JSX
// attribute. Tests and benchmarks may read them to inspect a page.
const sink = '/^(innerHTML|outerHTML|insertAdjacentHTML|dangerouslySetInnerHTML|srcdoc|createContextualFragment)$/';
const message = 'Renders a string as HTML: render remote text as text (JSX children, textContent) instead.';

// The attributes a user reads or hears: their values come from the messages, like JSX text.
const labelled = '/^(aria-label|aria-description|aria-roledescription|aria-valuetext|title|placeholder|alt)$/';
const child = ':matches(JSXElement, JSXFragment) > JSXExpressionContainer';
const words = "Words the user reads: put the words in assets/locales/en.yml and de.yml and use t('key') from utils/lib/i18n.ts.";

// Syntax only, no type information: the whole repository lints in seconds. The type-aware rules
// (floating promises) are in eslint.typed.config.js, run by `npm run lint:types`.
export default tseslint.config(
  { ignores: ['.output/', '.wxt/', 'node_modules/', 'bench/results/', 'tests/e2e/artifacts/'] },
  {
    files: ['**/*.{js,mjs,ts,tsx}'],
    extends: [tseslint.configs.base],
    // The core eval rules only follow references to globals they know about.
    languageOptions: {
      globals: { window: 'readonly', self: 'readonly', globalThis: 'readonly', setTimeout: 'readonly', setInterval: 'readonly' },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'no-eval': 'error',
      'no-new-func': 'error',
      // setTimeout/setInterval with a string (literal, template or concatenation) is eval.
      'no-implied-eval': 'error',
      // Unused variables and imports; a leading underscore marks one left out on purpose
      // (`const { readAt: _gone, ...rest } = state`).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      // Preact's hooks follow React's rules: called unconditionally, dependency lists complete.
      // The rules match hook names (useEffect, useMemo, …), whichever package they come from.
      'react-hooks/rules-of-hooks': 'error',
      // useLiveQuery(query, deps) is checked like useEffect at every call site.
      'react-hooks/exhaustive-deps': ['error', { additionalHooks: '^useLiveQuery$' }],
    },
  },
  {
    // Everything that ships in the extension.
    files: ['entrypoints/**', 'components/**', 'utils/**'],
    rules: {
      // Small files and functions: a file over 200 lines or a function over 60 wants splitting.
      'max-lines': ['error', { max: 200 }],
      'max-lines-per-function': ['error', { max: 60 }],
      'no-script-url': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: `MemberExpression[property.name=${sink}]`, message },
        { selector: `MemberExpression[property.value=${sink}]`, message },
        { selector: `Property[key.name=${sink}]`, message },
        { selector: `JSXAttribute[name.name=${sink}]`, message },
        {
          selector: `MemberExpression[property.name=/^write(ln)?$/]:matches([object.name='document'], [object.property.name='document'])`,
          message: 'document.write parses a string as HTML.',
        },
        // Every word the user reads is a message (no-restricted-syntax options replace between
        // config blocks, so the security selectors above and these words live in one list).
        { selector: 'JSXText[value=/\\p{L}/u]', message: words },
        // A string as a child: `{busy ? 'Fetching…' : 'Refresh'}`, `{`${n} unread`}`.
        { selector: `${child} > Literal[value=/\\p{L}/u]`, message: words },
        { selector: `${child} > :matches(ConditionalExpression, LogicalExpression) > Literal[value=/\\p{L}/u]`, message: words },
        { selector: `${child} > TemplateLiteral > TemplateElement[value.raw=/\\p{L}/u]`, message: words },
        { selector: `JSXAttribute[name.name=${labelled}] > Literal[value=/\\p{L}/u]`, message: words },
        // In an expression too (`title={on ? 'Saved' : 'Save'}`, `title={`About ${x}`}`), but not the
        // message keys handed to t() or countOf().
        { selector: `JSXAttribute[name.name=${labelled}] > JSXExpressionContainer Literal[value=/\\p{L}/u]:not(CallExpression[callee.name=/^(t|countOf)$/] Literal)`, message: words },
        { selector: `JSXAttribute[name.name=${labelled}] > JSXExpressionContainer TemplateElement[value.raw=/\\p{L}/u]`, message: words },
      ],
    },
  },
  {
    // A real browser on a shared 2-core machine: vitest's 1 s default for expect.poll is no size
    // for a wait there. Each poll names its timeout (POLL in tests/e2e/config.ts).
    files: ['tests/e2e/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='poll'][arguments.length<2]",
          message: 'Give the poll its timeout: expect.poll(read, POLL) (tests/e2e/config.ts).',
        },
      ],
    },
  },
);
