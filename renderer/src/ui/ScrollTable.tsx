import { Box } from '@mantine/core';
import type { ReactNode } from 'react';

/** A wide table that scrolls sideways, reachable by keyboard (a focusable, named region), unlike a bare scroll box. */
export function ScrollTable({ label, minWidth, children }: { label: string; minWidth: number; children: ReactNode }) {
  return (
    <Box role="region" aria-label={label} tabIndex={0} style={{ overflowX: 'auto' }}>
      <Box miw={minWidth}>{children}</Box>
    </Box>
  );
}
