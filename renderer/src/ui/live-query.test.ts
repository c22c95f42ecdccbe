import { describe, expect, it, vi } from 'vitest';
import type { LarderEvent } from '../../../shared/model/events';

const listeners = new Set<(event: LarderEvent) => void>();
vi.mock('../ipc/client', () => ({
  onLarderEvent: (listener: (event: LarderEvent) => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  asIpcError: (error: unknown) => ({ code: 'internal_error', message: String(error) }),
}));

const { liveQuery } = await import('./live-query');

const progress: LarderEvent = { type: 'migration:progress', businessLocationId: '1', status: 'running', progressPercent: 1 };
const emit = (event: LarderEvent) => listeners.forEach((listener) => listener(event));

describe('a live query', () => {
  it('loads once at a time: a burst of events during a load costs one more load, and only the fresh answer is shown', async () => {
    const pending: ((value: number) => void)[] = [];
    let loads = 0;
    const shown: number[] = [];
    const query = liveQuery(
      () => new Promise<number>((resolve) => pending.push(() => resolve(++loads))),
      () => true,
      { data: (value) => shown.push(value), error: () => undefined },
    );
    for (let n = 0; n < 90; n++) emit(progress);
    expect(pending).toHaveLength(1);
    pending[0]!(0);
    await vi.waitFor(() => expect(pending).toHaveLength(2));
    // The first answer was overtaken by the events: dropped, not shown.
    expect(shown).toEqual([]);
    pending[1]!(0);
    await vi.waitFor(() => expect(shown).toEqual([2]));
    query.dispose();
    emit(progress);
    expect(pending).toHaveLength(2);
  });
});
