import { Box } from '@mantine/core';
import { useState, type ReactNode } from 'react';

/**
 * Only the rows in view (plus a few either side) are in the page, so 10,000 items scroll and filter
 * as fast as 20. Rows have one fixed height; the spacer keeps the scrollbar true to the whole list.
 */
export function VirtualRows<T>({ rows, rowHeight, height, label, renderRow }: { rows: readonly T[]; rowHeight: number; height: number; label: string; renderRow: (row: T, index: number) => ReactNode }) {
  const [scrollTop, setScrollTop] = useState(0);
  const overscan = 6;
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(rows.length, Math.ceil((scrollTop + height) / rowHeight) + overscan);
  return (
    <Box role="rowgroup" aria-label={label} style={{ height, overflowY: 'auto', position: 'relative' }} onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}>
      <div style={{ height: rows.length * rowHeight, position: 'relative' }}>
        {rows.slice(first, last).map((row, offset) => (
          <div key={first + offset} style={{ position: 'absolute', top: (first + offset) * rowHeight, left: 0, right: 0, height: rowHeight }}>
            {renderRow(row, first + offset)}
          </div>
        ))}
      </div>
    </Box>
  );
}
