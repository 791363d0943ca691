import { resolveArxivOrigin } from './arxiv-origin';
import { resolveHfOrigin } from './hf-origin';

/** The Hugging Face origin this build talks to; `WXT_HF_ORIGIN` at build time overrides it. */
export const HF_ORIGIN = resolveHfOrigin(import.meta.env.WXT_HF_ORIGIN);

/** The arXiv API origin (optional permission, fetched by pages only); `WXT_ARXIV_ORIGIN` overrides it. */
export const ARXIV_ORIGIN = resolveArxivOrigin(import.meta.env.WXT_ARXIV_ORIGIN);

export const SYNC_ALARM = 'paperboy-sync';
export const RETRY_ALARM = 'paperboy-retry';
export const SYNC_PERIOD_MINUTES = 60;
