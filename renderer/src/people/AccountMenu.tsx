import { Badge, Button, Group, Menu, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { IpcError } from '../../../shared/ipc/contract';
import { PASSWORD_MIN, type Role } from '../../../shared/model/people';
import { transport } from '../ipc/transport';
import { usePerson } from '../app/person-store';
import { ErrorNotice } from '../ui/ErrorNotice';

export const roleLabels: Record<Role, string> = { owner: 'Owner', manager: 'Manager', counter: 'Counter', viewer: 'Viewer' };

function PasswordDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<IpcError | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const mismatch = again !== '' && again !== next;
  const short = next !== '' && [...next].length < PASSWORD_MIN;
  const close = () => {
    setCurrent('');
    setNext('');
    setAgain('');
    setError(null);
    setDone(false);
    onClose();
  };
  const submit = async () => {
    setBusy(true);
    const result = await transport.changePassword(current, next);
    setBusy(false);
    if (result.ok) setDone(true);
    else setError(result.error);
  };
  return (
    <Modal opened={opened} onClose={close} title="Change your password">
      {done ? (
        <Stack>
          <Text size="sm" role="status">
            Your password is changed. You stay signed in here; every other device you were signed in on is signed out.
          </Text>
          <Button onClick={close}>Close</Button>
        </Stack>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
        >
          <Stack>
            <PasswordInput label="Current password" autoComplete="current-password" value={current} onChange={(event) => setCurrent(event.currentTarget.value)} required />
            <PasswordInput
              label="New password"
              description={`${PASSWORD_MIN} characters or more: a few words in a row are easy to remember and hard to guess.`}
              autoComplete="new-password"
              value={next}
              error={short ? `New password: at least ${PASSWORD_MIN} characters` : undefined}
              onChange={(event) => setNext(event.currentTarget.value)}
              required
            />
            <PasswordInput
              label="New password again"
              autoComplete="new-password"
              value={again}
              error={mismatch ? 'New password again: the two new passwords differ' : undefined}
              onChange={(event) => setAgain(event.currentTarget.value)}
              required
            />
            <ErrorNotice error={error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" loading={busy} disabled={!current || !next || short || again !== next}>
                Change password
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

/** On a Larder server: who is signed in, their role, and their own password and sign-out. */
export function AccountMenu() {
  const person = usePerson((state) => state.person);
  const [changing, setChanging] = useState(false);
  if (!person) return null;
  return (
    <Group gap="xs" ml="auto" wrap="nowrap">
      <Badge variant="light" color="gray">
        {roleLabels[person.role]}
      </Badge>
      <Menu position="bottom-end">
        <Menu.Target>
          <Button variant="subtle" size="compact-md" aria-label={`Signed in as ${person.name}`}>
            {person.name}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={() => setChanging(true)}>Change password…</Menu.Item>
          <Menu.Item onClick={() => void transport.signOut().then(() => window.location.reload())}>Sign out</Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <PasswordDialog opened={changing} onClose={() => setChanging(false)} />
    </Group>
  );
}
