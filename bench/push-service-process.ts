// The local push service as a process of its own, so that the system under test (the sender) has this
// process's cores to itself as far as the machine allows. It checks every VAPID token (once per token, as a
// push service caches them) and every request, and decrypts one message in 1,000 as the phone would, to
// show that what arrives is right; a real push service decrypts nothing.
// Prints {"origin": ...} as one JSON line on stdout once it listens; stops on SIGTERM.
import { startLocalPushService } from '../src/adapters/channels/web-push/local-push-service.js';

const service = await startLocalPushService({ decrypt: 1_000, keepMessages: false });
process.stdout.write(`${JSON.stringify({ origin: service.origin })}\n`);
process.once('SIGTERM', () => {
  service.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
});
