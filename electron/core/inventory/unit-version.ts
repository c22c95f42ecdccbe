// What tells a kept recipe book that conversions changed: a pack unit or an ingredient's base unit
// written through this connection (other connections' commits move data_versions' recipe_book).
import type { LarderDb } from '../db/open-database';

const writes = new WeakMap<LarderDb, number>();

export function noteUnitWrite(db: LarderDb): void {
  writes.set(db, (writes.get(db) ?? 0) + 1);
}

export function unitWrites(db: LarderDb): number {
  return writes.get(db) ?? 0;
}
