// The 90-day migration, one contract per verb: activating a location (which starts it), starting,
// re-running, cancelling and reading its progress.
import { z } from 'zod';
import { posLocationId } from '../../model/items';
import { migrationView } from '../../model/transfers';
import { defineContract } from '../contract';

const location = z.object({ businessLocationId: posLocationId }).strict();

export const activateLocationContract = defineContract({
  channel: 'migrations:activate',
  input: location,
  output: migrationView.nullable(),
  errors: ['location_not_found', 'storage_unit_required', 'time_zone_required'],
});

export const startMigrationContract = defineContract({
  channel: 'migrations:start',
  input: location,
  output: migrationView.nullable(),
  errors: ['location_not_found', 'location_not_activated', 'storage_unit_required', 'migration_already_in_progress'],
});

export const rerunMigrationContract = defineContract({
  channel: 'migrations:rerun',
  input: location,
  output: migrationView.nullable(),
  errors: ['location_not_found', 'location_not_activated', 'storage_unit_required', 'migration_already_in_progress'],
});

export const cancelMigrationContract = defineContract({
  channel: 'migrations:cancel',
  input: location,
  output: migrationView.nullable(),
  errors: ['location_not_found'],
});

export const migrationStatusContract = defineContract({
  channel: 'migrations:status',
  input: location,
  output: migrationView.nullable(),
  errors: ['location_not_found'],
});
