import type { Logger } from 'pino';
import type { PushDeps } from '../../../app/push/push-deps.js';
import { registerPushSubscription } from '../../../app/push/register-push-subscription.js';
import { updatePresence } from '../../../app/push/update-presence.js';
import type { LatLon } from '../../../domain/geo/lat-lon.js';
import { presenceCellOf } from '../../presence/presence-cells.js';
import type { LocalPushService } from './local-push-service.js';

/** Where the demo's simulated phones are: a few city centres, so that a demo action in one of them reaches one. */
export const DEMO_PHONE_PLACES: readonly { readonly label: string; readonly location: LatLon }[] = [
  { label: 'Telefoon op de Dam, Amsterdam', location: { lat: 52.3731, lon: 4.8926 } },
  { label: 'Telefoon bij Utrecht Centraal', location: { lat: 52.0894, lon: 5.11 } },
  { label: 'Telefoon bij Rotterdam Centraal', location: { lat: 51.9244, lon: 4.469 } },
  { label: 'Telefoon op het Plein, Den Haag', location: { lat: 52.0799, lon: 4.3135 } },
  { label: 'Telefoon op de Grote Markt, Groningen', location: { lat: 53.2194, lon: 6.5665 } },
  { label: 'Telefoon op het Stratumseind, Eindhoven', location: { lat: 51.4383, lon: 5.4818 } },
];

/**
 * Simulated phones for the demo: each subscribes with the local push service and keeps telling the server its
 * cell, as the app does while it runs. What they receive is listed by the push service
 * (GET {origin}/subscriptions, GET {origin}/subscriptions/{id}/messages).
 */
export async function startDemoPhones(
  deps: PushDeps & { readonly logger: Logger },
  service: LocalPushService,
  vapidPublicKey: string,
  refreshMs: number,
): Promise<{ stop(): void }> {
  const phones = await Promise.all(
    DEMO_PHONE_PLACES.map(async (place) => {
      const { subscription } = service.createSubscription({ label: place.label, applicationServerKey: vapidPublicKey });
      const registered = await registerPushSubscription(deps, {
        endpoint: subscription.endpoint,
        p256dh: subscription.keys.p256dh,
        auth: subscription.keys.auth,
      });
      return { ...registered, cell: presenceCellOf(place.location) };
    }),
  );
  const report = () =>
    Promise.all(phones.map((p) => updatePresence(deps, p.id, p.deviceToken, p.cell))).catch((error: unknown) =>
      deps.logger.error({ err: error }, 'demo phones could not report their cell'),
    );
  await report();
  const timer = setInterval(() => void report(), refreshMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
