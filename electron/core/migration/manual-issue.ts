import { requireAnyLocation } from '../locations/location-sync';
import { transferDay, type TransferContext, type TransferResult } from '../transfer/transfer-day';
import { settleMigration } from './migration';

/**
 * A day issued by hand (a location's Manual issue, `larder transfer`). When it posts a day the
 * migration had failed, the migration takes that outcome, as after a nightly run: its grid turns
 * the day green, and a migration whose days are now all posted completes and drops its alert.
 */
export async function issueByHand(context: TransferContext, input: { businessLocationId: string; date: string; force: boolean; replaceWithEmpty?: boolean }): Promise<TransferResult> {
  const result = await transferDay(context, { ...input, trigger: 'manual' });
  if (result.success) await settleMigration(context.scope, (await requireAnyLocation(context.scope, input.businessLocationId)).id, context.clock);
  return result;
}
