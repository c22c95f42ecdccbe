import { describe, expect, it } from 'vitest';
import { collectGarbageAbove } from './heap';

describe('collecting garbage between a migration’s days', () => {
  it('collects only past the bound, and frees what is no longer referenced', () => {
    expect(collectGarbageAbove(Number.MAX_SAFE_INTEGER)).toBe(false);
    let garbage: number[][] | null = Array.from({ length: 200 }, () => Array.from({ length: 10_000 }, (_, n) => n + 0.5));
    const withGarbage = process.memoryUsage().heapUsed;
    garbage = null;
    expect(garbage).toBeNull();
    expect(collectGarbageAbove(0)).toBe(true);
    expect(process.memoryUsage().heapUsed).toBeLessThan(withGarbage - 8 * 1024 * 1024);
  });
});
