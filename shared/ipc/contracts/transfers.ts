// Transfers by hand and the transfer logs.
import { z } from 'zod';
import { posLocationId } from '../../model/items';
import { dateInput } from '../../dates';
import { ledgerEntryView } from '../../model/ledger';
import { transferLogSummary, transferLogView, transferResult, transferStatuses } from '../../model/transfers';
import { defineContract } from '../contract';

const blId = posLocationId;

export const runTransfer = defineContract({
  channel: 'transfers:run',
  input: z.object({ businessLocationId: blId, date: z.string().max(20), force: z.boolean().default(true), replaceWithEmpty: z.boolean().default(false) }).strict(),
  output: transferResult,
  errors: ['date_required', 'invalid_date_format', 'date_not_closed', 'location_not_found', 'location_has_no_storage_unit', 'transfer_in_progress'],
});

export const listLogsContract = defineContract({
  channel: 'logs:list',
  input: z
    .object({
      businessLocationId: blId.optional(),
      from: dateInput.optional(),
      to: dateInput.optional(),
      status: z.enum(transferStatuses).optional(),
      limit: z.number().int().positive().max(5000).default(500),
    })
    .strict(),
  output: z.array(transferLogSummary),
  errors: ['invalid_date_format'],
});

export const getLogContract = defineContract({
  channel: 'logs:get',
  input: z.object({ id: z.number().int().positive() }).strict(),
  output: transferLogView.extend({ ledgerEntries: z.array(ledgerEntryView) }),
  errors: ['invalid_input'],
});
