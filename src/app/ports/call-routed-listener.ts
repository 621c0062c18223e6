import type { CallTransport, RoutingReason } from '../../domain/call-routing/call-routing.js';

/** A call to 0800-0011 was put through for an action (for the console's live list of tips). */
export interface CallRoutedEvent {
  readonly at: Date;
  readonly actionId: string;
  readonly meldkamerCode: string;
  readonly reason: RoutingReason;
  readonly transport: CallTransport;
}

export interface CallRoutedListener {
  callRouted(event: CallRoutedEvent): void;
}
