import { useEffect, useState } from 'react';
import type { IpcError } from '../../../shared/ipc/contract';
import type { RecoveryStatus } from '../../../shared/model/backups';
import { RecoveryScreen } from '../backups/RecoveryScreen';
import { asIpcError, call } from '../ipc/client';
import { transport, type Session } from '../ipc/transport';
import { SignInScreen } from '../people/SignInScreen';
import { ErrorNotice } from '../ui/ErrorNotice';
import { App } from './App';
import { usePerson } from './person-store';

/** Larder's screens, or the recovery screen when main could not open the database: asked once, first. */
function Opened() {
  const [status, setStatus] = useState<RecoveryStatus | null>(null);
  const [error, setError] = useState<IpcError | null>(null);
  useEffect(() => {
    call('recovery:status', {}).then(setStatus, (caught: unknown) => setError(asIpcError(caught)));
  }, []);
  if (error) return <ErrorNotice error={error} />;
  if (!status) return null;
  if (status.problem) return <RecoveryScreen status={{ ...status, problem: status.problem }} />;
  return <App />;
}

/** On a Larder server, the sign-in first (again when the session ends); on this PC's own Larder, straight in. */
export function Root() {
  const [session, setSession] = useState<Session | null>(null);
  const [error, setError] = useState<IpcError | null>(null);
  const enter = (next: Session) => {
    usePerson.setState({ person: next.kind === 'person' ? next.person : null });
    setSession(next);
  };
  useEffect(() => {
    transport.session().then(enter, (caught: unknown) => setError(asIpcError(caught)));
    transport.onSignedOut(() => enter({ kind: 'signed-out' }));
  }, []);
  if (error) return <ErrorNotice error={error} />;
  if (!session) return null;
  if (session.kind === 'signed-out') return <SignInScreen onSignedIn={(person) => enter({ kind: 'person', person })} />;
  return <Opened key={session.kind === 'person' ? session.person.login : 'local'} />;
}
