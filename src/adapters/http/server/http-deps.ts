import type { Logger } from 'pino';
import type { CountryCode } from 'libphonenumber-js';
import type { ActionDeps } from '../../../app/actions/action-deps.js';
import type { ParticipantDeps } from '../../../app/participants/participant-deps.js';
import type { Gemeente } from '../../../domain/geo/gemeente.js';
import type { Meldkamer } from '../../../domain/geo/meldkamer.js';
import type { PleinHttpDeps } from '../plein/plein-http-deps.js';
import type { SmsSimulatorView } from '../plein/sms-simulator-view.js';
import type { BurgernetAppHttpDeps } from '../burgernet-app/burgernet-app-http-deps.js';
import type { CallRoutingHttpDeps } from '../call-routing/call-routing-routes.js';
import type { SelfServiceHttpDeps } from '../self-service/self-service-http-deps.js';
import type { PushRouteDeps } from '../burgernet-app/push-routes.js';
import type { MailHttpDeps } from '../burgernetmail/mail-http-deps.js';
import type { DashboardDeps } from '../../../app/dashboard/dashboard-deps.js';
import type { RateLimiters } from '../../../app/ports/rate-limiter.js';
import type { SmscHealthView } from '../../channels/sms-smpp/smsc-health-monitor.js';

export interface HttpDeps extends ActionDeps, ParticipantDeps {
  readonly referenceData: { readonly gemeenten: readonly Gemeente[]; readonly meldkamers: readonly Meldkamer[] };
  readonly phoneCountries: readonly CountryCode[];
  /** How often the progress stream sends fresh counts. */
  readonly progressIntervalMs: number;
  readonly logger: Logger;
  /**
   * Reverse proxies trusted to name the client in X-Forwarded-For (IPs or CIDR blocks). The client address feeds
   * login throttling and rate limits: behind a load balancer without this, every client would be the balancer.
   */
  readonly trustProxy?: readonly string[];
  /** Makes the public routes' rate limits: in this process's memory, or shared by the nodes in Redis. */
  readonly rateLimiters: RateLimiters;
  /** Burgernetplein: staff login, sessions, portal pages. */
  readonly plein: PleinHttpDeps;
  /** The Burgernetapp (/app, /app/v1, /acties) and action photos and tips; absent: not served. */
  readonly app?: BurgernetAppHttpDeps;
  /** 0800-0011 routing over HTTP for telephony platforms; absent: POST /api/v1/call-routing is not served. */
  readonly callRouting?: CallRoutingHttpDeps;
  /** The public site, sign-up, "Mijn gegevens" and relatiebeheer; absent: not served. */
  readonly selfService?: SelfServiceHttpDeps;
  /** The app's push subscriptions and presence (/app/v1/push); absent: not served. */
  readonly push?: PushRouteDeps;
  /** Burgernetmail: the API, the portal's mail pages, the answer form and unsubscribe; absent: not served. */
  readonly mail?: MailHttpDeps;
  /** Each SMSC connection profile's health (failover), for /health; absent: not shown. */
  readonly smscHealth?: () => readonly SmscHealthView[];
  /** Demo only, with the simulator as SMSC: its received SMS for /plein/sms-simulator; absent: no such page. */
  readonly smsSimulator?: SmsSimulatorView;
  /** The dashboard (/plein/dashboard, /api/v1/dashboard); absent: not served. */
  readonly dashboard?: DashboardDeps;
  /** Whether the database answers now, for /health (503 while it does not); absent: /health does not ask. */
  readonly databaseReachable?: () => Promise<boolean>;
}
