import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach } from 'vitest';
import { chromeMessages, getMessageFrom } from './support/i18n';

// fakeBrowser has no i18n: the pages read their words from the English messages, as a browser
// in English does.
const english = getMessageFrom(await chromeMessages('en'));

beforeEach(() => {
  fakeBrowser.reset();
  fakeBrowser.i18n.getMessage = english;
  fakeBrowser.i18n.getUILanguage = () => 'en';
});
