// A migration's days each leave a day of sales as garbage, and V8 lets that garbage grow the heap to
// about four times what is alive between full collections (measured on the busy venue's 90 days: 30 MB
// alive, 130 MB heap, 330 MB resident). Collecting when the heap in use passes 80 MB keeps the process
// at about 265 MB for about 10 ms a collection, every few days. V8 offers a full collection only to code that
// asked for it at start (--expose-gc); the flag can be set at run time and the function fetched from
// a fresh context, which is what Node's own tests do.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collect: (() => void) | null = null;

function collector(): () => void {
  if (!collect) {
    setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as () => void;
  }
  return collect;
}

/** A full collection when the heap in use is above `bytes`; answers whether it ran. */
export function collectGarbageAbove(bytes: number): boolean {
  if (process.memoryUsage().heapUsed <= bytes) return false;
  collector()();
  return true;
}
