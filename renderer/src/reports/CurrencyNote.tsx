import { Alert, Anchor, Text } from '@mantine/core';
import type { FoodCost } from '../../../shared/model/stock';
import { useNavigation } from '../ui/navigation-store';

/**
 * Sales are in the location's currency, costs in the company's: says which rate a food cost % used,
 * or, in amber, why there is none and where to fix it.
 */
export function CurrencyNote({ cost }: { cost: Pick<FoodCost, 'currency' | 'cost_currency' | 'exchange_rate' | 'pct_note'> }) {
  const go = useNavigation((state) => state.go);
  if (cost.pct_note) {
    return (
      <Alert color="yellow" p="xs" data-currency-note>
        <Text size="sm">
          {cost.pct_note}{' '}
          <Anchor component="button" type="button" size="sm" onClick={() => go('settings')}>
            Open Settings
          </Anchor>
        </Text>
      </Alert>
    );
  }
  if (cost.exchange_rate === null) return null;
  return (
    <Text size="xs" c="dimmed" data-currency-note>
      Sales converted at 1 {cost.currency} = {cost.exchange_rate} {cost.cost_currency} (set in Settings).
    </Text>
  );
}
