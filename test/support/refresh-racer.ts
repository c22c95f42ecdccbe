// Another Larder process on the same data folder, for the cross-process refresh test: on each "go"
// it asks its own token manager for an access token, as the app, the CLI or the web host would, and
// answers with the outcome and the connection's status.
import { createEngine } from '../../electron/core/engine';
import { createNodePlatform } from '../../electron/core/platform/node-platform';

const engine = await createEngine(createNodePlatform({ env: process.env }), 'cli');
const send = (message: unknown) => process.send?.(message);

process.on('message', (message) => {
  if (message === 'stop') {
    engine.close();
    process.exit(0);
  }
  engine.lightspeed.tokens
    .accessToken()
    .then(async () => send({ ok: true, status: (await engine.lightspeed.connection.view()).status }))
    .catch((error: { code?: string; message?: string }) => send({ ok: false, code: error.code ?? 'internal_error', message: error.message }));
});
send('ready');
