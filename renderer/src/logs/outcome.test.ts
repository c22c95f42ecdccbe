import { describe, expect, it } from 'vitest';
import { transferOutcome } from './outcome';

const posted = { status: 'success' as const, noData: false, dataComplete: true, linesSold: 4, linesUnmapped: 0 };

describe('a transfer’s outcome in a word and a colour', () => {
  it('is gray "replaced" for a run a later forced run replaced, never a posted badge', () => {
    expect(transferOutcome({ ...posted, replacedByLogId: 12 })).toEqual({ color: 'gray', label: 'replaced', words: 'replaced by a later run of the day' });
    expect(transferOutcome(posted)).toMatchObject({ color: 'green', label: 'posted' });
    expect(transferOutcome({ ...posted, linesUnmapped: 1 })).toMatchObject({ color: 'yellow', label: 'posted' });
  });
});
