// CSV profiles are CSV sales sources: the profile is the source's settings, its name the source's.
import type { CompanyScope } from '../../db/company';
import { DomainError } from '../../domain-error';
import { findStorageUnitByName } from '../../inventory/storage-units';
import { listSalesSources, saveSalesSource } from '../sales-sources';
import { parseCsvProfile, type CsvProfile } from './csv-profile';

export interface SavedCsvProfile {
  id: number;
  profile: CsvProfile;
  updatedAt: string;
}

/**
 * Checks a profile file's JSON and saves it under its name (replacing the profile of that name).
 * Every storage unit it sends sales to must exist: a typo would otherwise surface only at upload.
 */
export async function saveCsvProfile(scope: CompanyScope, json: unknown, at: string): Promise<SavedCsvProfile> {
  const profile = parseCsvProfile(json);
  for (const [location, storageUnit] of Object.entries(profile.locations)) {
    if (!await findStorageUnitByName(scope, storageUnit)) {
      throw new DomainError('storage_unit_not_found', `locations.${location}: there is no storage unit named "${storageUnit}".`);
    }
  }
  const source = await saveSalesSource(scope, { kind: 'csv', name: profile.name, settings: profile }, at);
  return { id: source.id, profile, updatedAt: source.updatedAt };
}

export async function listCsvProfiles(scope: CompanyScope): Promise<SavedCsvProfile[]> {
  return (await listSalesSources(scope, 'csv')).map((source) => ({ id: source.id, profile: parseCsvProfile(source.settings), updatedAt: source.updatedAt }));
}
