import { formatScaled, QUANTITY_SCALE } from '../decimal/decimal';

/** A mapping's target as stored (scaled quantity, 0/1 flag), as the screens read it: decimal text, a boolean. */
export function targetView<T extends { quantity: number; isSubtraction: number }>({ quantity, isSubtraction, ...rest }: T): Omit<T, 'quantity' | 'isSubtraction'> & { quantity: string; isSubtraction: boolean } {
  return { ...rest, quantity: formatScaled(quantity, QUANTITY_SCALE), isSubtraction: isSubtraction === 1 };
}
