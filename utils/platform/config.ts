import { paperSites } from '../discover/paper-url';
import { isLiteMode } from './flavour-mode';
import { DEFAULT_ARXIV_ORIGIN, DEFAULT_HF_ORIGIN, readSiteOrigins, resolveOrigin } from './origins';

/** The Hugging Face origin this build talks to; `WXT_HF_ORIGIN` at build time overrides it. */
export const HF_ORIGIN = resolveOrigin(import.meta.env.WXT_HF_ORIGIN, DEFAULT_HF_ORIGIN);

/** The arXiv API origin (optional permission, fetched by pages only); `WXT_ARXIV_ORIGIN` overrides it. */
export const ARXIV_ORIGIN = resolveOrigin(import.meta.env.WXT_ARXIV_ORIGIN, DEFAULT_ARXIV_ORIGIN);

/** The paper sites read detection watches (optional permission; `WXT_ARXIV_SITE_ORIGIN` moves arXiv's). */
export const READ_SITE_ORIGINS = readSiteOrigins(import.meta.env.WXT_ARXIV_SITE_ORIGIN);
export const READ_SITES = paperSites(READ_SITE_ORIGINS.arxiv, HF_ORIGIN, READ_SITE_ORIGINS.alphaxiv);

/** This build's flavour: `full` takes over the new tab; `lite` (`npm run build:lite`) does not. */
export const FLAVOUR: 'full' | 'lite' = isLiteMode(import.meta.env.MODE) ? 'lite' : 'full';
