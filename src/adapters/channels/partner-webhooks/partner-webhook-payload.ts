import type { ActionResult } from '../../../domain/action/action-result.js';
import type { ActionType } from '../../../domain/action/action-type.js';
import type { CallTarget, PublicStatus } from '../../../domain/action/public-view.js';
import type { ActionEvent, ActionEventKind } from '../../../domain/broadcast/action-event.js';
import { areaAsGeoJson, pointAsGeoJson, type AreaFeature, type GeoJsonPoint } from './area-geojson.js';

/**
 * The body of a partner webhook, in the payload shape Standard Webhooks recommends (`type`, `timestamp`, `data`).
 * Every kind has the same fields, null where they do not apply, so a partner writes one parser. Everything comes
 * from the action's public view: what the public page shows, and nothing about a person who signed up.
 */
export interface PartnerWebhookPayload {
  readonly type: ActionEventKind;
  /** When the meldkamer made the change (the attempt's time is the `webhook-timestamp` header). */
  readonly timestamp: string;
  readonly data: {
    /** Also the `webhook-id` header: the same on every retry, so a partner can drop repeats. */
    readonly eventId: string;
    /** 1, 2, 3 … per action: an event with a lower number than one already seen is out of date. */
    readonly sequence: number;
    /** The text of a vervolgbericht, for `action.updated`; null otherwise. */
    readonly updateText: string | null;
    readonly action: PartnerWebhookAction;
  };
}

export interface PartnerWebhookAction {
  readonly id: string;
  readonly number: string;
  readonly type: ActionType;
  readonly missingChild: boolean;
  readonly status: PublicStatus;
  readonly meldkamerCode: string;
  readonly text: string | null;
  readonly description: string | null;
  readonly instructions: string | null;
  readonly area: AreaFeature | null;
  /** Where the incident is; for a circle its centre. */
  readonly centre: GeoJsonPoint | null;
  readonly call: CallTarget | null;
  readonly startedAt: string;
  readonly endedAt: string | null;
  readonly result: ActionResult | null;
  readonly closingText: string | null;
  /** The action's public page. */
  readonly publicUrl: string;
}

/** The payload of one event. Pure and deterministic: a retry sends the same bytes under the same id. */
export function partnerWebhookPayload(event: ActionEvent, publicBaseUrl: string): PartnerWebhookPayload {
  const view = event.action;
  return {
    type: event.kind,
    timestamp: event.occurredAt.toISOString(),
    data: {
      eventId: event.id,
      sequence: event.sequence,
      updateText: event.kind === 'action.updated' ? event.updateText : null,
      action: {
        id: view.id,
        number: view.number,
        type: view.type,
        missingChild: view.missingChild,
        status: view.status,
        meldkamerCode: view.meldkamerCode,
        text: view.text,
        description: view.description,
        instructions: view.instructions,
        area: view.area === null ? null : areaAsGeoJson(view.area),
        centre: view.area === null ? null : pointAsGeoJson(view.area.centre),
        call: view.call,
        startedAt: view.startedAt.toISOString(),
        endedAt: view.endedAt?.toISOString() ?? null,
        result: view.result,
        closingText: view.closingText,
        publicUrl: `${publicBaseUrl.replace(/\/+$/, '')}/acties/${encodeURIComponent(view.id)}`,
      },
    },
  };
}
