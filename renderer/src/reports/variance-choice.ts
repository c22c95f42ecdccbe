/**
 * The storage unit the variance report opens on: a report needs two finished counts of one unit, so
 * the first unit (by name) that has them, else the first with any.
 */
export function firstUnitWithTwoCounts(finished: readonly { storage_unit: string }[]): string | null {
  const units = [...new Set(finished.map((count) => count.storage_unit))].sort();
  return units.find((name) => finished.filter((count) => count.storage_unit === name).length >= 2) ?? units[0] ?? null;
}
