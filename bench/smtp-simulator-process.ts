// The SMTP simulator as a process of its own, so that the system under test (the sender) has this process's
// cores to itself as far as the machine allows. Prints {"port": n} once it listens, then a line of figures
// {"received", "firstAt", "lastAt", "addresses", "notOnce"} every 100 ms while messages arrive; stops on SIGTERM.
import { pino } from 'pino';
import { startSmtpSimulator } from '../src/adapters/channels/email-smtp/smtp-simulator.js';

const simulator = await startSmtpSimulator(
  { host: '127.0.0.1', port: 0, keep: 0 },
  { logger: pino({ level: 'warn' }, pino.destination(2)) },
);
let firstAt = 0;
let lastAt = 0;
simulator.onMessage((m) => {
  const t = m.receivedAt.getTime();
  if (firstAt === 0) firstAt = t;
  lastAt = t;
});
process.stdout.write(`${JSON.stringify({ port: simulator.port })}\n`);
let reported = -1;
const report = () => {
  if (simulator.received === reported) return;
  reported = simulator.received;
  let notOnce = 0;
  for (const n of simulator.perRecipient.values()) if (n !== 1) notOnce += 1;
  process.stdout.write(
    `${JSON.stringify({ received: simulator.received, firstAt, lastAt, addresses: simulator.perRecipient.size, notOnce })}\n`,
  );
};
const timer = setInterval(report, 100);
process.once('SIGTERM', () => {
  clearInterval(timer);
  simulator.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
});
