// When `run-due` runs in the desktop app: at start-up, on resume from sleep, at the nightly time, and
// on a 15-minute wall-clock check — a timer set for 06:00 does not fire on time on a PC that slept
// through it, and sleep/resume events are not reliable on every OS. Runs never overlap: a trigger
// while one runs joins it.
import type { Clock } from '../clock';

export interface Timers {
  setInterval(run: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

export interface SchedulerOptions {
  clock: Clock;
  timers: Timers;
  /** HH:MM on the PC's clock. */
  nightlyTime: () => string;
  runDue: (trigger: Trigger) => Promise<unknown>;
  onError?: (error: unknown) => void;
}

export type Trigger = 'start-up' | 'resume' | 'nightly' | 'manual';

export const CHECK_EVERY_MS = 15 * 60_000;

/** The PC-local date and the instant of its nightly run. */
function nightlyInstant(now: Date, time: string): { day: string; at: number } {
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  const at = new Date(now.getFullYear(), now.getMonth(), now.getDate(), hours, minutes).getTime();
  const day = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  return { day, at };
}

export class NightlyScheduler {
  private running: Promise<void> | null = null;
  private interval: unknown = null;
  /** The PC-local day whose nightly run has happened. */
  private lastNightlyDay: string | null = null;

  constructor(private readonly options: SchedulerOptions) {}

  start(): void {
    // The start-up run catches up whatever the night missed, so tonight's slot counts only from now.
    const { day, at } = nightlyInstant(this.options.clock.now(), this.options.nightlyTime());
    if (this.options.clock.now().getTime() >= at) this.lastNightlyDay = day;
    this.interval = this.options.timers.setInterval(() => void this.check(), CHECK_EVERY_MS);
    void this.trigger('start-up');
  }

  /** Called by the power monitor's resume event. */
  resumed(): Promise<void> {
    return this.trigger('resume');
  }

  /** The wall-clock check: runs the nightly issue once the nightly time of today has passed. */
  check(): Promise<void> {
    const now = this.options.clock.now();
    const { day, at } = nightlyInstant(now, this.options.nightlyTime());
    if (now.getTime() < at || this.lastNightlyDay === day) return this.running ?? Promise.resolve();
    this.lastNightlyDay = day;
    return this.trigger('nightly');
  }

  trigger(trigger: Trigger): Promise<void> {
    this.running ??= this.options
      .runDue(trigger)
      .then(() => undefined, (error: unknown) => this.options.onError?.(error))
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  get busy(): boolean {
    return this.running !== null;
  }

  dispose(): void {
    if (this.interval !== null) this.options.timers.clearInterval(this.interval);
    this.interval = null;
  }
}
