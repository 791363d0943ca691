export const DEFAULT_HF_ORIGIN = 'https://huggingface.co';

/** The origin of a configured HF address (`WXT_HF_ORIGIN`), or the public one when unset. */
export function resolveHfOrigin(configured: string | undefined): string {
  return new URL(configured || DEFAULT_HF_ORIGIN).origin;
}
