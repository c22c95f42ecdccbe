import { z } from 'zod';
import { defineContract } from '../contract';
import { activityRow, userView } from '../../model/people';

/** Everyone who signs in to this Larder, with role and assignments (never a password or its hash). */
export const listPeopleContract = defineContract({ channel: 'people:list', input: z.object({}).strict(), output: z.array(userView), errors: [] });

/** Who did what, the latest first: of everyone, or of one person by sign-in name. */
export const listActivityContract = defineContract({
  channel: 'activity:list',
  input: z.object({ limit: z.number().int().positive().max(5000).default(500), login: z.string().trim().max(64).optional() }).strict(),
  output: z.array(activityRow),
  errors: [],
});
