/**
 * `items.map(work)` for asynchronous work, one item at a time: the statements of one transaction run
 * in turn, never interleaved, and a nested write's savepoint closes before the next one opens.
 */
export async function inOrder<T, R>(items: Iterable<T>, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  let index = 0;
  for (const item of items) results.push(await work(item, index++));
  return results;
}

/** `items.filter(test)` for an asynchronous test, one item at a time. */
export async function filterInOrder<T>(items: Iterable<T>, test: (item: T) => Promise<boolean>): Promise<T[]> {
  const kept: T[] = [];
  for (const item of items) if (await test(item)) kept.push(item);
  return kept;
}
