/** How far an action may reach without a second centralist's approval (the ACTION_* configuration). */
export interface ActionLimits {
  /** An area may reach this far beyond the meldkamer's own region; further needs the other meldkamer's approval. */
  readonly regionMarginMetres: number;
  /** A larger area needs a second centralist of the same meldkamer. */
  readonly maxAreaKm2: number;
  /** More recipients need a second centralist of the same meldkamer. */
  readonly maxRecipientsWithoutApproval: number;
}

/** An area or reach above the caps, with the figures and the caps (km² to one decimal). */
export interface SizeExcess {
  readonly areaKm2: number;
  readonly maxAreaKm2: number;
  readonly recipients: number;
  readonly maxRecipients: number;
}

/** Null when both the area and the reach are within the caps. */
export function sizeExcess(limits: ActionLimits, areaKm2: number, recipients: number): SizeExcess | null {
  if (areaKm2 <= limits.maxAreaKm2 && recipients <= limits.maxRecipientsWithoutApproval) return null;
  return {
    areaKm2: Math.round(areaKm2 * 10) / 10,
    maxAreaKm2: limits.maxAreaKm2,
    recipients,
    maxRecipients: limits.maxRecipientsWithoutApproval,
  };
}
