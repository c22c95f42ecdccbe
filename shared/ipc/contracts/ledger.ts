import { z } from 'zod';
import { dateInput } from '../../dates';
import { defineContract } from '../contract';
import { ledgerEntryView } from './inventory';

export const listLedger = defineContract({
  channel: 'ledger:list',
  input: z
    .object({
      type: z.enum(['RECEIPT', 'ISSUE', 'WASTE', 'COUNT', 'ADJUSTMENT']).optional(),
      from: dateInput.optional(),
      to: dateInput.optional(),
      locationId: z.string().max(40).optional(),
      storageUnitId: z.number().int().positive().optional(),
      ingredientId: z.number().int().positive().optional(),
      limit: z.number().int().positive().max(10_000).default(1_000),
    })
    .strict(),
  output: z.array(ledgerEntryView),
  errors: ['invalid_date_format'],
});
