/** The time, injected: tests and demos fix it (LARDER_NOW); every date Larder computes reads it. */
export interface Clock {
  now(): Date;
}
