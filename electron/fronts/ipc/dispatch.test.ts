import { describe, expect, it, vi } from 'vitest';
import { DomainError } from '../../core/domain-error';
import { createDispatch } from './dispatch';
import type { Handlers } from './handler-types';

function dispatchWith(handlers: Partial<Handlers>) {
  const log = vi.fn();
  return { dispatch: createDispatch(handlers as Handlers, log), log };
}

describe('dispatch', () => {
  it('validates input against the contract before any handler runs', async () => {
    const save = vi.fn();
    const { dispatch } = dispatchWith({ 'storage-units:save': save });
    const result = await dispatch('storage-units:save', { name: 42, extra: true });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(save).not.toHaveBeenCalled();
    expect(await dispatch('secrets:read', {})).toMatchObject({ ok: false, error: { code: 'invalid_input', message: 'Unknown channel secrets:read.' } });
  });

  it('normalises decimal and date input on the way in', async () => {
    const create = vi.fn(() => ({ id: 1 }));
    const { dispatch } = dispatchWith({ 'receipts:create': create });
    await dispatch('receipts:create', { ingredientId: 1, storageUnitId: 2, quantity: 2.5, value: ' 10.00 ', date: '07.05.2026' });
    expect(create).toHaveBeenCalledWith({ ingredientId: 1, storageUnitId: 2, quantity: '2.5', value: '10.00', date: '2026-05-07' });
  });

  it('strips what the output contract does not name, so nothing leaks by accident', async () => {
    const { dispatch } = dispatchWith({ 'storage-units:list': () => [{ id: 1, name: 'Bar', accessToken: 'secret' }] as never });
    expect(await dispatch('storage-units:list', {})).toEqual({ ok: true, data: [{ id: 1, name: 'Bar' }] });
  });

  it('answers refusals with their code and hides bugs behind internal_error', async () => {
    const { dispatch, log } = dispatchWith({
      'recipes:get': () => {
        throw new DomainError('recipe_not_found', 'No recipe with id 9.');
      },
      'recipes:list': () => {
        throw new TypeError('x is undefined at /home/user/secret/path.ts');
      },
      'ingredients:list': () => [{ id: 'not a number' }] as never,
    });
    expect(await dispatch('recipes:get', { id: 9 })).toEqual({ ok: false, error: { code: 'recipe_not_found', message: 'No recipe with id 9.' } });
    const bug = await dispatch('recipes:list', {});
    expect(bug).toMatchObject({ ok: false, error: { code: 'internal_error' } });
    expect(JSON.stringify(bug)).not.toContain('secret/path');
    expect(await dispatch('ingredients:list', {})).toMatchObject({ ok: false, error: { code: 'internal_error' } });
    expect(log).toHaveBeenCalledTimes(2);
  });
});
