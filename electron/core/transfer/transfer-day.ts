// One transfer: a location's POS sales of one business day become ISSUE entries in the ledger of the
// location's storage unit. Read top to bottom, this is the whole algorithm:
//
//   1. check the date and that the location has a storage unit;
//   2. take the day's lock (no second run of the same day, from any process);
//   3. create a transfer log (request UUID + attempt number);
//   4. fetch the business day from Lightspeed, or reuse the cached fetch unless forced;
//   5. in ONE transaction, postLocationDay — the path every sales source shares, a CSV upload's
//      location-days and a reprocess too: with force, delete the location's ISSUE entries of the day
//      and their trace, whatever storage unit they went to (the location may have been relinked
//      since), and mark the logs that made them as replaced; store the sales as the POS sent them
//      (with force, exactly those: a sale gone upstream is gone here); then postDayLines works out
//      what every line with a positive
//      quantity and a name, not posted yet, deducts (ingredient mapping: line × mapping quantity;
//      recipe mapping: the recipe exploded for line × mapping quantity portions; a subtraction
//      mapping gives stock back), valued at the weighted average cost of the day (or at the cost of
//      the day's entry, when an earlier run posted one); post ONE entry per ingredient — the sums —
//      and a trace row per line and ingredient; save the log's statistics (how many lines and how
//      much sales value had no mapping) and the caller's own bookkeeping (a migration day's status);
//   6. on a temporary failure, a new attempt (new log, same request UUID) after 30, 60, 120 s or the
//      server's Retry-After; then max_retries_exhausted.
//
// A day Lightspeed had not closed yet is posted as it stands with data_complete false; the nightly
// run transfers it again, forced, once Lightspeed closes it (run-due.ts).
//
// A crash anywhere leaves either all of step 5 or none of it, and the trace's primary key (sales
// line, ingredient) makes deducting a line twice impossible whatever happens.
import { randomUUID } from 'node:crypto';
import { normalizeDate } from '../../../shared/dates';
import { addDays, dateInZone } from '../time/zoned-time';
import type { CompanyScope } from '../db/company';
import { Decimal, formatDecimal, fromScaled, MONEY_SCALE } from '../decimal/decimal';
import { asDomainError, DomainError, failureOf, PosCallError } from '../domain-error';
import { describeExplosionException } from '../inventory/recipe-explosion';
import { currentRecipeBook } from '../inventory/recipes';
import { freshUnitCosts } from '../ledger/ledger';
import { dayIssueUnitCosts, deleteDayIssues, postDayIssues, postedSalesLines, replaceVoidWaste, type DayIssue, type IssueDay } from '../ledger/ledger-writer';
import { recordTransferRun, requireLocation } from '../locations/location-config';
import type { Location } from '../locations/location-sync';
import type { TransferResult } from '../../../shared/model/transfers';
import type { ActivityLog } from '../platform/activity-log';
import type { Clock } from '../clock';
import type { EventBus } from '../event-bus';
import { salesSourceOf } from '../sources/sales-sources';
import { acquireDayLock, releaseDayLock } from './day-lock';
import { mappingLookup } from '../items/mapping-lookup';
import type { Sleep } from './retry';
import { cachedDay, dayLines, storeDay, type DayLine } from '../sales/sales-cache';
import type { FetchedDay } from '../../../shared/model/sales-day';
import { fetchDayFrom, type DayFetcher, type SalesDay } from '../sources/sales-day';
import { dayDeductions } from './line-deduction';
import { reconcileDay } from './reconciliation';
import { dayPolicy, type DayPolicy, type SalesRules } from './sale-types';
import { discardLog, failLog, finishLog, markReplaced, startLog, type RecipeUse, type TransferStats, type TransferTrigger } from './transfer-log';

export type { TransferResult };

export interface TransferContext {
  scope: CompanyScope;
  /** Where polled locations' days come from: each location's own sales source (day-sources.ts). */
  days: DayFetcher;
  clock: Clock;
  sleep: Sleep;
  retryDelaysMs: number[];
  /** How long to wait for a day another run holds before answering transfer_in_progress. */
  lockWaitMs: number;
  /** Where each attempt's outcome is written for a diagnostics file. */
  log: Pick<ActivityLog, 'info' | 'error'>;
  /** Open screens follow a day's transfer and a migration's days through these, whoever started them (a click, the tray's nightly run). */
  events: Pick<EventBus, 'emit'>;
  /** The sale-type policy's settings, read for each day (sale-types.ts). */
  salesRules: () => SalesRules;
  /** Takes a before-change backup ahead of work that rewrites many days (a long reprocess, a migration's re-run). */
  beforeLargeChange?: (what: string) => Promise<unknown>;
}

export interface TransferRequest {
  businessLocationId: string;
  /** YYYY-MM-DD or DD.MM.YYYY. */
  date: string;
  /** Fetch fresh data and rebuild the day's entries (the default for manual transfers). */
  force: boolean;
  /**
   * Rebuild the day's entries from the sales stored here, fetching nothing: a reprocess with today's
   * mappings and recipes (reprocess.ts). The day must have been fetched before.
   */
  rebuild?: boolean;
  trigger: TransferTrigger;
  /** The nightly run posts only days Lightspeed has closed; a manual transfer posts what exists. */
  requireComplete?: boolean;
  /**
   * A fresh fetch that brings no sales for a day that has stored sales replaces them with none only
   * when this is set; otherwise the day is kept and the answer is pos_returned_no_sales.
   */
  replaceWithEmpty?: boolean;
  /** Runs inside the transaction that commits the day (a migration records its day status here). */
  onCommit?: (outcome: TransferResult) => Promise<void> | void;
  /** Where the day's sales come from when they are fetched; a migration and the nightly run read ahead (readAhead). */
  fetchDay?: (day: SalesDay) => Promise<FetchedDay>;
}


export const emptyStats = (): TransferStats => ({
  sales_count: 0,
  lines_processed: 0,
  lines_skipped: 0,
  lines_sold: 0,
  lines_unmapped: 0,
  sales_value: '0',
  unmapped_value: '0',
  ledger_entries_created: 0,
  entries_replaced: 0,
  exceptions: [],
  used_cache: false,
  idempotent: false,
  recipes_used: [],
  unmapped_names: [],
  api_response_summary: null,
});

/** Step 1: a real date, a day that has ended where the location is, and somewhere to deduct. */
async function checkRequest(scope: CompanyScope, clock: Clock, request: TransferRequest): Promise<{ location: Location & { storageUnitId: number }; date: string }> {
  if (!request.date.trim()) throw new DomainError('date_required', 'Pick the business day to transfer.');
  const date = normalizeDate(request.date);
  if (date === null) throw new DomainError('invalid_date_format', `"${request.date}" is not a date as YYYY-MM-DD or DD.MM.YYYY.`);
  const location = await requireLocation(scope, request.businessLocationId);
  if (location.storageUnitId === null) throw new DomainError('location_has_no_storage_unit', `${location.name} has no storage unit to deduct from; link one first.`);
  const today = dateInZone(clock.now(), location.timezone);
  if (date >= today) {
    throw new DomainError('date_not_closed', `${date} has not ended yet in ${location.name} (${location.timezone}); the last day that can be transferred is ${addDays(today, -1)}.`);
  }
  return { location: location as Location & { storageUnitId: number }, date };
}

export async function transferDay(context: TransferContext, request: TransferRequest): Promise<TransferResult> {
  const { location, date } = await checkRequest(context.scope, context.clock, request);
  const day = { businessLocationId: location.businessLocationId, date };
  // A posted day is held against the POS's own totals of it (reconciliation.ts).
  const posted = async (): Promise<TransferResult> => {
    const result = await attemptWithRetries(context, request, location, date);
    return { ...result, reconciliation: result.success && result.log_id !== null ? await reconcileDay(context, { ...day, locationRowId: location.id }, result.log_id) : null };
  };
  // A migration's days are followed through its own progress instead: ninety events a run would flood the screens.
  if (request.trigger === 'migration') return posted();
  context.events.emit({ type: 'transfer:started', ...day });
  let success = false;
  try {
    const result = await posted();
    success = result.success;
    return result;
  } finally {
    context.events.emit({ type: 'transfer:finished', ...day, success });
  }
}

async function attemptWithRetries(context: TransferContext, request: TransferRequest, location: Location & { storageUnitId: number }, date: string): Promise<TransferResult> {
  const { scope, clock } = context;
  const requestUuid = randomUUID();
  const attempts = context.retryDelaysMs.length + 1;

  for (let attempt = 1; ; attempt++) {
    await acquireDayLock(scope.db, location.id, date, requestUuid, context.lockWaitMs);
    let logId: number | null = null;
    let retryAfterMs: number;
    try {
      logId = await startLog(
        scope.db,
        scope,
        { locationId: location.id, reportDate: date, requestUuid, attempt, trigger: request.trigger, forceRefresh: request.force, storageUnitId: location.storageUnitId },
        clock.now().toISOString(),
      );
      const result = await attemptOnce(context, request, location, date, logId, requestUuid);
      context.log.info(
        `transfer ${location.businessLocationId} ${date} (${request.trigger}${request.force ? ', forced' : ''}): ` +
          (result.success
            ? `posted ${result.stats?.ledger_entries_created ?? 0} entries, ${result.stats?.lines_unmapped ?? 0} of ${result.stats?.lines_sold ?? 0} lines unmapped, data complete ${result.data_complete}`
            : `${result.error?.code}: ${result.error?.message}`),
      );
      return result;
    } catch (error) {
      const failure = failureOf(error);
      if (asDomainError(error)) context.log.info(`transfer ${location.businessLocationId} ${date} attempt ${attempt} failed: ${failure.code} ${failure.message}`);
      else context.log.error(`transfer ${location.businessLocationId} ${date} attempt ${attempt} failed`, error);
      if (logId !== null) await failLog(scope.db, logId, failure, clock.now().toISOString());
      const temporary = error instanceof PosCallError && error.temporary;
      if (!temporary || attempt >= attempts) {
        const final =
          temporary && attempts > 1
            ? { code: 'max_retries_exhausted', message: `The POS kept failing after ${attempts} attempts; last: ${failure.message}`, temporary }
            : { ...failure, temporary };
        return { date, success: false, no_data: false, data_complete: null, log_id: logId, request_uuid: requestUuid, ledger_ids: [], stats: null, error: final };
      }
      retryAfterMs = (error as PosCallError).retryAfterMs ?? (context.retryDelaysMs[attempt - 1] as number);
    } finally {
      await releaseDayLock(scope.db, location.id, date, requestUuid);
    }
    // The day is free while we wait: another run may finish it meanwhile.
    await context.sleep(retryAfterMs);
  }
}

/**
 * A POS that answers a day with no sales, for a day that had some, more likely lost them (a till
 * reset, a wrong store, a partial outage) than sold nothing after all: a forced re-fetch keeps the
 * day unless the caller confirms replacing it with nothing.
 */
async function keepStoredDay(scope: CompanyScope, location: Location, date: string): Promise<void> {
  const sales = (await cachedDay(scope.db, location.id, date))?.salesCount ?? 0;
  if (sales === 0) return;
  const deducted = (await postedSalesLines(scope, location.id, date)).size;
  throw new DomainError(
    'pos_returned_no_sales',
    `${(await salesSourceOf(scope, location.sourceId)).name} sent no sales for ${date}, a day that had ${sales} in Larder (${deducted} of their lines deducted from stock); nothing was changed.`,
  );
}

async function attemptOnce(
  context: TransferContext,
  request: TransferRequest,
  location: Location & { storageUnitId: number },
  date: string,
  logId: number,
  requestUuid: string,
): Promise<TransferResult> {
  const { scope, clock } = context;
  const db = scope.db;
  const stats = emptyStats();

  // Step 4: the day's sales, fresh or from the cache of an earlier fetch.
  const cached = request.force && !request.rebuild ? null : await cachedDay(db, location.id, date);
  if (request.rebuild && cached === null) throw new DomainError('invalid_input', `${date} of ${location.name} was never transferred: there are no stored sales to reprocess.`);
  const reuse = cached !== null && (cached.dataComplete || !request.requireComplete);
  const fetched: FetchedDay | null = reuse ? null : await (request.fetchDay ?? ((day: SalesDay) => fetchDayFrom(context.days, day)))({ businessLocationId: location.businessLocationId, date });
  if (fetched && fetched.sales.length === 0 && !request.replaceWithEmpty) await keepStoredDay(scope, location, date);
  const dataComplete = fetched ? fetched.dataComplete : (cached as NonNullable<typeof cached>).dataComplete;
  const source = await salesSourceOf(scope, location.sourceId);
  if (request.requireComplete && !dataComplete) {
    // Not a failure: the nightly run comes back for this day once Lightspeed has closed it.
    await discardLog(db, logId);
    return {
      date,
      success: false,
      no_data: false,
      data_complete: false,
      log_id: null,
      request_uuid: requestUuid,
      ledger_ids: [],
      stats: null,
      error: { code: 'date_not_closed', message: `${source.name} has not closed ${date} yet.`, temporary: false },
    };
  }
  const at = clock.now().toISOString();

  // Step 5: everything that changes the ledger, in one transaction.
  const day = { businessLocationId: location.businessLocationId, date, storageUnitId: location.storageUnitId, source: source.kind };
  return await db.write(async () => {
    const { ledgerIds, noData } = await postLocationDay(scope, {
      day: { ...day, locationRowId: location.id, sourceId: location.sourceId },
      logId,
      // Rebuilt from the latest data (a forced fetch) or today's mappings (a reprocess).
      replace: request.force || request.rebuild === true,
      rules: context.salesRules(),
      lines: async (posted) => {
        const lines = fetched ? await storeDay(db, location.id, date, fetched, at, posted) : await dayLines(db, location.id, date);
        stats.sales_count = fetched ? fetched.sales.length : (cached?.salesCount ?? 0);
        stats.used_cache = !fetched;
        stats.api_response_summary = {
          source: fetched ? 'api' : 'cache',
          sales: stats.sales_count,
          lines: lines.length,
          dataComplete,
          nextStartOfDay: fetched ? fetched.nextStartOfDay : (cached?.nextStartOfDay ?? null),
          fetchedAt: fetched ? at : (cached?.fetchedAt ?? at),
        };
        return lines;
      },
      dataComplete,
      stats,
      at,
    });
    await recordTransferRun(scope, location.id, at);
    const result: TransferResult = {
      date,
      success: true,
      no_data: noData,
      data_complete: dataComplete,
      log_id: logId,
      request_uuid: requestUuid,
      ledger_ids: ledgerIds,
      stats,
      error: null,
    };
    await request.onCommit?.(result);
    return result;
  });
}

/** One location-day to post: where it goes, its open log, and how its lines are stored. */
export interface DayPosting {
  day: IssueDay & { locationRowId: number; sourceId: number };
  logId: number;
  /**
   * The day's earlier ISSUE entries go first, in whichever storage unit they landed (the location may
   * have been relinked since), and the logs that posted them say they were replaced: a forced fetch, a
   * reprocess, a CSV upload that replaces a location-day.
   */
  replace: boolean;
  /** Stores the day's sales (or reads them back) and answers its lines; `posted` holds the lines an earlier run deducted. */
  lines: (posted: ReadonlySet<number>) => Promise<DayLine[]>;
  dataComplete: boolean;
  stats: TransferStats;
  at: string;
  rules: SalesRules;
}

/**
 * THE posting path, step 5 for every sales source — a polled day, a reprocess, a CSV upload's
 * location-day: replace what is replaced, store the lines, post them (postDayLines), finish the log.
 * Runs inside the caller's transaction.
 */
export async function postLocationDay(scope: CompanyScope, posting: DayPosting): Promise<{ ledgerIds: number[]; noData: boolean }> {
  const { db } = scope;
  const { day, logId, stats, at } = posting;
  if (posting.replace) {
    stats.entries_replaced = await deleteDayIssues(scope, day);
    await markReplaced(db, { locationId: day.locationRowId, reportDate: day.date }, logId, at);
  }
  const posted = await postedSalesLines(scope, day.locationRowId, day.date);
  const lines = await posting.lines(posted);
  const outcome = await postDayLines(scope, { ...day, transferLogId: logId }, lines, posted, stats, dayPolicy(lines, posting.rules, day.date));
  const noData = lines.length === 0;
  await finishLog(db, logId, stats, { noData, dataComplete: posting.dataComplete, ...outcome }, at);
  return { ledgerIds: outcome.ledgerIds, noData };
}

/**
 * The heart of step 5, the same for every sales source (a Lightspeed or Sides day, a CSV file's location-day):
 * the day's lines become one ISSUE per ingredient with the trace of each line's deduction, and `stats`
 * says what happened. Runs inside the caller's transaction; `posted` holds the lines an earlier run
 * already deducted. Answers the entries touched and the day's sales values at the money scale.
 */
async function postDayLines(
  scope: CompanyScope,
  day: IssueDay & { locationRowId: number; sourceId: number; transferLogId: number },
  lines: DayLine[],
  posted: Set<number>,
  stats: TransferStats,
  policy: DayPolicy,
): Promise<{ ledgerIds: number[]; salesValue: number; unmappedValue: number }> {
  const mappingFor = await mappingLookup(scope, day.sourceId, day.locationRowId);
  // A day already posted here keeps its entries' unit cost; otherwise the weighted average of the day.
  const postedCosts = await dayIssueUnitCosts(scope, day);
  const unitCosts = new Map<number, number>();
  const freshCosts = await freshUnitCosts(scope, day.date);
  const unitCostOf = (ingredientId: number) => {
    let unitCost = unitCosts.get(ingredientId);
    if (unitCost === undefined) unitCosts.set(ingredientId, (unitCost = postedCosts.get(ingredientId) ?? freshCosts.get(ingredientId) ?? 0));
    return unitCost;
  };
  const issues = new Map<number, DayIssue>();
  const issueOf = (ingredientId: number) => {
    let issue = issues.get(ingredientId);
    if (!issue) issues.set(ingredientId, (issue = { quantity: 0, value: 0, unitCost: unitCostOf(ingredientId), lines: 0 }));
    return issue;
  };
  const book = await currentRecipeBook(scope);
  const deductions = dayDeductions(book, unitCostOf);
  const unmapped = new Set<string>();
  // (sales line, ingredient, entry to come, quantity) rows: the trace of the day's entries.
  const trace: number[] = [];
  let alreadyPosted = 0;
  // Money scale, as integers: a day's takings are far below 2^53 ten-thousandths.
  let salesValue = 0;
  let unmappedValue = 0;

  // A voided line whose reason says the food was made: its quantity, by reason, posted as WASTE.
  const wasted = new Map<string, Map<number, DayIssue>>();
  const wasteDeductions = dayDeductions(book, unitCostOf);

  for (const line of lines) {
    if (!policy.counts(line)) {
      stats.lines_skipped++;
      continue;
    }
    stats.lines_sold++;
    salesValue += line.netAmount ?? 0;
    const mapping = mappingFor(line);
    if (!mapping) {
      unmapped.add(line.name as string);
      stats.lines_unmapped++;
      unmappedValue += line.netAmount ?? 0;
      stats.lines_skipped++;
      continue;
    }
    const reason = policy.wasteReason(line);
    if (reason !== null) {
      const byIngredient = wasted.get(reason) ?? new Map<number, DayIssue>();
      wasted.set(reason, byIngredient);
      const waste = wasteDeductions.take(-(line.quantity as number), mapping).changes;
      for (let n = 0; n < waste.length; n += 3) {
        const ingredientId = waste[n] as number;
        const entry = byIngredient.get(ingredientId) ?? { quantity: 0, value: 0, unitCost: unitCostOf(ingredientId), lines: 0 };
        entry.quantity += waste[n + 1] as number;
        entry.value += waste[n + 2] as number;
        entry.lines++;
        byIngredient.set(ingredientId, entry);
      }
    }
    if (posted.has(line.rowId)) {
      // Posted by an earlier run: a run that is not forced leaves it as it is.
      stats.lines_skipped++;
      alreadyPosted++;
      continue;
    }
    stats.lines_processed++;
    const { changes } = deductions.take(line.quantity as number, mapping);
    for (let n = 0; n < changes.length; n += 3) {
      const ingredientId = changes[n] as number;
      const issue = issueOf(ingredientId);
      issue.quantity += changes[n + 1] as number;
      issue.value += changes[n + 2] as number;
      issue.lines++;
      trace.push(line.rowId, ingredientId, 0, changes[n + 1] as number);
    }
  }

  // The ledger's writer posts one entry per ingredient with its trace, and adds the day up again,
  // with the rest of this transaction.
  const ledgerIds = [...await postDayIssues(scope, day, issues, trace), ...await replaceVoidWaste(scope, day, wasted)];
  const taken = deductions.taken();
  const exceptions = new Set(taken.flatMap((deduction) => deduction.exceptions.map(describeExplosionException)));
  const uses = new Map<string, RecipeUse & { total: Decimal }>();
  for (const { mapping, sold, lines: count } of taken) {
    const key = `${mapping.targetType}:${mapping.targetName}`;
    const use = uses.get(key) ?? { type: mapping.targetType, name: mapping.targetName, quantity: '0', total: new Decimal(0) };
    use.total = use.total.plus(sold.times(count));
    uses.set(key, use);
  }
  stats.ledger_entries_created = ledgerIds.length;
  stats.sales_value = formatDecimal(fromScaled(salesValue, MONEY_SCALE));
  stats.unmapped_value = formatDecimal(fromScaled(unmappedValue, MONEY_SCALE));
  stats.unmapped_names = [...unmapped].sort();
  stats.exceptions = [...[...unmapped].sort().map((name) => `unmapped_pos_name:${name}`), ...exceptions, ...policy.notCounted];
  stats.recipes_used = [...uses.values()].map(({ type, name, total }) => ({ type, name, quantity: formatDecimal(total) }));
  stats.idempotent = ledgerIds.length === 0 && alreadyPosted > 0;
  return { ledgerIds, salesValue, unmappedValue };
}
