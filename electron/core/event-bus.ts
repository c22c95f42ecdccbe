import type { LarderEvent } from '../../shared/model/events';

export type EventListener = (event: LarderEvent) => void;

/** Fan-out of push events to every open window or browser tab; a failing listener cannot stop the others. */
export class EventBus {
  private readonly listeners = new Set<EventListener>();

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: LarderEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        console.error('[larder] event listener failed', error);
      }
    }
  }
}
