import type { ReactNode } from 'react';

/** A form whose submit (button or Enter) runs an action instead of reloading the page. */
export function ActionForm({ onSubmit, children }: { onSubmit: () => Promise<unknown>; children: ReactNode }) {
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void onSubmit();
      }}
    >
      {children}
    </form>
  );
}
