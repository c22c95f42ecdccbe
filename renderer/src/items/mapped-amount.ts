import { formatQuantity } from '../ui/format';

/** How much a mapping deducts per item sold, in words: "2 ×" (of its unit, or portions), or "9 g of" when typed in another unit. */
export const mappedAmount = (mapping: { quantity: string; unit: string | null }) => (mapping.unit ? `${formatQuantity(mapping.quantity)} ${mapping.unit} of` : `${formatQuantity(mapping.quantity)} ×`);
