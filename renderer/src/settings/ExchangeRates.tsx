import { Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import type { ContractOutput } from '../../../shared/ipc/contract';
import type { Contracts } from '../../../shared/ipc/contracts';
import { call } from '../ipc/client';
import { ActionForm } from '../ui/ActionForm';
import { ErrorNotice } from '../ui/ErrorNotice';
import { useAction } from '../ui/use-action';
import { anyOf, useLive } from '../ui/use-live';

type Editable = ContractOutput<Contracts['settings:get']>;

/** A rate as people type it ("0,92" or "0.92"); null when it is not a positive number. */
const readRate = (text: string): string | null => {
  const normal = text.trim().replace(',', '.');
  return /^\d{1,9}(\.\d{1,9})?$/.test(normal) && Number(normal) > 0 ? normal : null;
};

/**
 * Stock is valued in the company's currency; a location that sells in another has no food cost % until
 * the manager says what 1 unit of its currency is worth. Shown only when some location sells in another.
 */
export function ExchangeRates({ settings, companyCurrency }: { settings: Editable; companyCurrency: string }) {
  const locations = useLive(() => call('locations:list', {}), anyOf('lightspeed:changed', 'sources:changed'), []);
  const foreign = [...new Set((locations.data ?? []).map((each) => each.currencyCode))].filter((code) => code !== companyCurrency).sort();
  const [typed, setTyped] = useState<Record<string, string>>(settings.exchangeRates);
  const save = useAction((rates: Record<string, string>) => call('settings:save', { exchangeRates: rates }));
  if (foreign.length === 0) return null;
  const invalid = foreign.filter((code) => (typed[code] ?? '').trim() !== '' && readRate(typed[code] ?? '') === null);
  const submit = () => save.run(Object.fromEntries(foreign.flatMap((code) => (readRate(typed[code] ?? '') ? [[code, readRate(typed[code] ?? '') as string]] : []))));
  return (
    <Paper withBorder p="md">
      <Title order={3} size="h4" mb="sm">
        Exchange rates for food cost
      </Title>
      <Text size="sm" mb="sm">
        Stock is valued in {companyCurrency}. Locations that sell in another currency show a food cost % only with a rate here; each report states the rate it used.
      </Text>
      <ActionForm onSubmit={submit}>
        <Stack>
          <Group align="end">
            {foreign.map((code) => (
              <TextInput
                key={code}
                label={`1 ${code} in ${companyCurrency}`}
                inputMode="decimal"
                placeholder="e.g. 0,92"
                value={typed[code] ?? ''}
                error={invalid.includes(code) ? `Type a number above 0, such as 0,92 or 0.92` : undefined}
                onChange={(event) => setTyped({ ...typed, [code]: event.currentTarget.value })}
                w={160}
              />
            ))}
            <Button type="submit" variant="default" loading={save.busy} disabled={invalid.length > 0}>
              Save rates
            </Button>
          </Group>
          <ErrorNotice error={save.error ?? locations.error} onClose={save.clearError} />
        </Stack>
      </ActionForm>
    </Paper>
  );
}
