/** Drops keys whose value is undefined, so stored rows are the same however they were built. */
export function dropUndefined<T extends object>(value: T): T {
  // A plain loop: this runs several times for each of thousands of papers in a sync.
  const result: Partial<T> = {};
  for (const key of Object.keys(value) as (keyof T)[]) if (value[key] !== undefined) result[key] = value[key];
  return result as T;
}
