import { describe, expect, it } from 'vitest';
import { CHECK_EVERY_MS, NightlyScheduler, type Trigger } from './nightly-scheduler';

/** A fake clock and interval timer: time moves only when the test says so. */
function fakeTime(start: string) {
  let now = new Date(start).getTime();
  const intervals = new Map<number, { run: () => void; every: number; next: number }>();
  let ids = 0;
  return {
    clock: { now: () => new Date(now) },
    timers: {
      setInterval: (run: () => void, every: number) => {
        intervals.set(++ids, { run, every, next: now + every });
        return ids;
      },
      clearInterval: (id: unknown) => void intervals.delete(id as number),
    },
    async advance(ms: number) {
      const end = now + ms;
      for (;;) {
        const due = [...intervals.values()].filter((timer) => timer.next <= end).sort((a, b) => a.next - b.next)[0];
        if (!due) break;
        now = due.next;
        due.next += due.every;
        due.run();
        await new Promise((resolve) => setImmediate(resolve));
      }
      now = end;
      await new Promise((resolve) => setImmediate(resolve));
    },
    active: () => intervals.size,
  };
}

function scheduler(start: string, nightly = '06:00') {
  const time = fakeTime(start);
  const runs: Trigger[] = [];
  let release: (() => void) | null = null;
  let hold = false;
  const instance = new NightlyScheduler({
    clock: time.clock,
    timers: time.timers,
    nightlyTime: () => nightly,
    runDue: (trigger) => {
      runs.push(trigger);
      return hold ? new Promise<void>((resolve) => (release = resolve)) : Promise.resolve();
    },
  });
  return { instance, time, runs, hold: (on: boolean) => (hold = on), release: () => release?.() };
}

const local = (hours: number, minutes = 0, day = 10) => new Date(2026, 4, day, hours, minutes).toISOString();

describe('the nightly scheduler', () => {
  it('runs at start-up, on resume, and once at the nightly time found by the 15-minute check', async () => {
    const { instance, time, runs } = scheduler(local(22));
    instance.start();
    await time.advance(0);
    expect(runs).toEqual(['start-up']);
    await instance.resumed();
    expect(runs).toEqual(['start-up', 'resume']);
    await time.advance(7 * 3_600_000 + 30 * 60_000); // until 05:30: nothing
    expect(runs).toEqual(['start-up', 'resume']);
    await time.advance(45 * 60_000); // 06:15: the check after 06:00 runs it, once
    expect(runs).toEqual(['start-up', 'resume', 'nightly']);
    await time.advance(12 * 3_600_000);
    expect(runs.filter((run) => run === 'nightly')).toHaveLength(1);
    await time.advance(24 * 3_600_000);
    expect(runs.filter((run) => run === 'nightly')).toHaveLength(2);
  });

  it('after sleeping through the nightly time, the first check runs it', async () => {
    const { instance, time, runs } = scheduler(local(1));
    instance.start();
    // The PC sleeps from 01:00 to 09:00: the clock jumps, timers fire once when it wakes.
    await time.advance(8 * 3_600_000);
    expect(runs).toEqual(['start-up', 'nightly']);
  });

  it('never overlaps: a trigger while a run is going joins it', async () => {
    const { instance, time, runs, hold, release } = scheduler(local(5, 50));
    hold(true);
    instance.start();
    const joined = instance.resumed();
    await time.advance(CHECK_EVERY_MS);
    expect(runs).toEqual(['start-up']);
    expect(instance.busy).toBe(true);
    release();
    await joined;
    expect(instance.busy).toBe(false);
    hold(false);
    await instance.resumed();
    expect(runs).toEqual(['start-up', 'resume']);
  });

  it('stops its timer when disposed', async () => {
    const { instance, time, runs } = scheduler(local(5));
    instance.start();
    instance.dispose();
    expect(time.active()).toBe(0);
    await time.advance(48 * 3_600_000);
    expect(runs).toEqual(['start-up']);
  });
});
