import { launch, newProfile } from '../tests/e2e/browser';
import { BENCH_OUT } from './lib/build';
const ext = await launch(newProfile(), BENCH_OUT);
const base = `chrome-extension://${ext.id}`;
for (let i = 0; i < 4; i++) {
  const page = await ext.context.newPage();
  await page.goto(`${base}/bench-static-newtab.html`);
  const r = await page.evaluate(() => {
    const c = (globalThis as any).chrome;
    const out: Record<string, number> = {};
    const time = (name: string, f: () => unknown) => { const s = performance.now(); f(); out[name] = +(performance.now() - s).toFixed(2); };
    time('runtime', () => c.runtime.id);
    time('storage', () => c.storage);
    time('storage.local', () => c.storage.local);
    time('storage.onChanged', () => c.storage.onChanged);
    time('i18n', () => c.i18n.getUILanguage());
    time('getMessage', () => c.i18n.getMessage('extName'));
    time('tabs', () => c.tabs);
    time('action', () => c.action);
    time('permissions', () => c.permissions);
    time('alarms', () => c.alarms);
    time('idle', () => c.idle);
    return out;
  });
  console.log(JSON.stringify(r));
  await page.close();
}
await ext.context.close();
