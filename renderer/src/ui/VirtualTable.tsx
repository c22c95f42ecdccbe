import { Box } from '@mantine/core';
import { useMemo, useState, type HTMLAttributes, type ReactNode } from 'react';

export interface Column<T> {
  header: string;
  /** A CSS grid track, such as "2fr" or "120px". */
  width: string;
  align?: 'right';
  cell: (row: T) => ReactNode;
}

const OVERSCAN = 6;

/** Rows under headers: each run of rows with the same key gets a header row above it. */
export interface RowGroups<T> {
  of: (row: T) => string;
  header: (key: string, count: number) => ReactNode;
  height: number;
}

/** A row (`row` set) or a group's header (`row` null, `group` its key, `count` its rows). */
interface Slot<T> {
  top: number;
  height: number;
  row: T | null;
  group: string;
  count: number;
}

/** Every row and group header with its place; the rows keep their order (a group is a run of equal keys). */
function layOut<T>(rows: readonly T[], rowHeight: number, groups: RowGroups<T> | undefined): Slot<T>[] {
  const slots: Slot<T>[] = [];
  let top = 0;
  const headers: Slot<T>[] = [];
  for (const row of rows) {
    const key = groups?.of(row);
    if (groups && key !== undefined && key !== headers.at(-1)?.group) {
      const header = { top, height: groups.height, row: null, group: key, count: 0 };
      headers.push(header);
      slots.push(header);
      top += groups.height;
    }
    const header = headers.at(-1);
    if (header) header.count += 1;
    slots.push({ top, height: rowHeight, row, group: key ?? '', count: 0 });
    top += rowHeight;
  }
  return slots;
}

/** The first slot whose bottom is below `offset` (slots are sorted by top). */
function firstBelow<T>(slots: Slot<T>[], offset: number): number {
  let low = 0;
  let high = slots.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    const slot = slots[middle] as Slot<T>;
    if (slot.top + slot.height <= offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * A table whose body draws only the rows in view (plus a few either side): 10,000 items or a long
 * ledger page scroll and filter as fast as 20 rows. Rows have one fixed height, so the scrollbar
 * stays true to the whole list. Plain elements with table roles, so screen readers and tests read
 * it as a table.
 */
export function VirtualTable<T>({
  label,
  rows,
  columns,
  rowHeight,
  height,
  caption,
  rowProps,
  groups,
}: {
  label: string;
  rows: readonly T[];
  columns: Column<T>[];
  rowHeight: number;
  height: number;
  caption?: ReactNode;
  rowProps?: (row: T) => HTMLAttributes<HTMLDivElement> & Record<`data-${string}`, string | number>;
  groups?: RowGroups<T>;
}) {
  const [scrollTop, setScrollTop] = useState(0);
  const tracks = columns.map((column) => column.width).join(' ');
  const slots = useMemo(() => layOut(rows, rowHeight, groups), [rows, rowHeight, groups]);
  const total = slots.length === 0 ? 0 : (slots.at(-1) as Slot<T>).top + (slots.at(-1) as Slot<T>).height;
  const first = Math.max(0, firstBelow(slots, scrollTop) - OVERSCAN);
  const last = Math.min(slots.length, firstBelow(slots, scrollTop + height) + OVERSCAN);
  // A long name or a zone takes a second line rather than being cut to "Harbour Restau…"; rows keep
  // one fixed height (two lines fit), which the virtual scrolling needs.
  const cellStyle = (column: Column<T>) => ({
    overflow: 'hidden',
    display: '-webkit-box',
    WebkitLineClamp: 2,
    WebkitBoxOrient: 'vertical' as const,
    overflowWrap: 'anywhere' as const,
    lineHeight: 1.3,
    textAlign: column.align,
  });
  return (
    <>
      {/* The caption sits above the table: a table's children may only be row groups and rows. */}
      {caption}
      <Box role="table" aria-label={label} aria-rowcount={slots.length + 1}>
      {/* The same gutter as the rows' scroll box, so the header's columns stay over theirs. */}
      <Box role="rowgroup" style={{ overflowY: 'hidden', scrollbarGutter: 'stable' }}>
        <Box role="row" py={6} style={{ display: 'grid', gridTemplateColumns: tracks, fontWeight: 600, borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
          {columns.map((column) => (
            <Box key={column.header} role="columnheader" px={6} style={{ textAlign: column.align }}>
              {column.header}
            </Box>
          ))}
        </Box>
      </Box>
      <Box role="rowgroup" aria-label={`${label} rows`} style={{ height: Math.min(height, total + 2), overflowY: 'auto', position: 'relative', scrollbarGutter: 'stable', scrollbarWidth: 'thin', scrollbarColor: 'var(--mantine-color-gray-5) transparent' }} onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}>
        <div style={{ height: total, position: 'relative' }}>
          {slots.slice(first, last).map((slot, offset) => {
            const place = { position: 'absolute' as const, top: slot.top, left: 0, right: 0, height: slot.height };
            if (slot.row === null) {
              return (
                <div key={`group-${first + offset}`} role="row" data-group={slot.group} style={{ ...place, display: 'flex', alignItems: 'flex-end', background: 'var(--mantine-color-gray-0)', borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
                  <div role="rowheader" style={{ padding: '0 6px 4px', fontWeight: 600, fontSize: 'var(--mantine-font-size-sm)' }}>
                    {groups?.header(slot.group, slot.count)}
                  </div>
                </div>
              );
            }
            const row = slot.row;
            const props = rowProps?.(row);
            return (
              <div
                key={first + offset}
                role="row"
                {...props}
                style={{
                  ...place,
                  display: 'grid',
                  gridTemplateColumns: tracks,
                  alignItems: 'center',
                  borderBottom: '1px solid var(--mantine-color-gray-2)',
                  cursor: props?.onClick ? 'pointer' : undefined,
                }}
              >
                {columns.map((column) => (
                  <div key={column.header} role="cell" style={{ ...cellStyle(column), padding: '0 6px', fontSize: 'var(--mantine-font-size-sm)' }}>
                    {column.cell(row)}
                  </div>
                ))}
              </div>
            );
          })}
        </div>
      </Box>
    </Box>
    </>
  );
}
