import { resolve } from 'node:path';
import { generateChromeMessages, parseMessagesFile } from '@wxt-dev/i18n/build';

/** assets/locales/<lang>.yml as the browser reads it: the generated messages.json object. */
export async function chromeMessages(lang: string): Promise<Record<string, { message: string }>> {
  return generateChromeMessages(await parseMessagesFile(resolve(import.meta.dirname, `../../assets/locales/${lang}.yml`)));
}

/**
 * `browser.i18n.getMessage` over one locale's messages, as Chromium does it: `$1`…`$9` are the
 * substitutions, `$$` a dollar sign, an unknown key the empty string.
 */
export function getMessageFrom(messages: Record<string, { message: string }>) {
  return (name: string, substitutions?: string | string[]): string => {
    const subs = typeof substitutions === 'string' ? [substitutions] : (substitutions ?? []);
    const text = messages[name]?.message ?? '';
    return text.replace(/\$(\$|[1-9])/g, (_, which: string) => (which === '$' ? '$' : (subs[Number(which) - 1] ?? '')));
  };
}
