/** Runs jobs one after another, in the order they were given; a failed job does not stop the next. */
export function createQueue() {
  let queue: Promise<unknown> = Promise.resolve();
  return function serial<T>(job: () => Promise<T>): Promise<T> {
    const result = queue.then(job);
    queue = result.catch(() => undefined);
    return result;
  };
}

/** Runs one job per key at a time: asked again while it runs, the caller shares its promise. */
export function createShared<K, T>() {
  const running = new Map<K, Promise<T>>();
  return function shared(key: K, job: () => Promise<T>): Promise<T> {
    let promise = running.get(key);
    if (!promise) {
      promise = job().finally(() => running.delete(key));
      running.set(key, promise);
    }
    return promise;
  };
}
