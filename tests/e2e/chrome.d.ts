// `chrome` inside `worker.evaluate(...)` callbacks: the extension APIs, typed like `browser`.
declare const chrome: typeof import('wxt/browser').browser;
