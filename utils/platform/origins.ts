export const DEFAULT_HF_ORIGIN = 'https://huggingface.co';
export const DEFAULT_ARXIV_ORIGIN = 'https://export.arxiv.org';

/**
 * The origin of a configured address (`WXT_HF_ORIGIN`, `WXT_ARXIV_ORIGIN`), or of the public one
 * when unset. Pure: wxt.config.ts calls it in Node while building the manifest.
 */
export function resolveOrigin(configured: string | undefined, fallback: string): string {
  return new URL(configured || fallback).origin;
}
