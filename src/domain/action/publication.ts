/**
 * What the app and the public page (/acties/{id}) may show of an action, as the meldkamer decided. A
 * Burgernetactie is a public appeal (its alert goes to thousands by SMS), so an action is public unless the
 * meldkamer withholds it, e.g. when publishing would hurt the investigation.
 */
export interface Publication {
  /** Shown in the app, pushed to app users and on the public page. */
  readonly public: boolean;
  /** The text the app and the public page show instead of the SMS text; null: the alert message. */
  readonly publicText: string | null;
  /** "Bel 112" instead of the meldkamer's number: there is danger now (a noodsituatie, an armed suspect). */
  readonly call112: boolean;
  /** Days the photo and the tips of this action are kept after it ended; null: the configured default. */
  readonly mediaRetentionDays: number | null;
}

export const DEFAULT_PUBLICATION: Publication = {
  public: true,
  publicText: null,
  call112: false,
  mediaRetentionDays: null,
};
export const PUBLIC_TEXT_MAX_LENGTH = 1000;
export const MIN_MEDIA_RETENTION_DAYS = 1;
export const MAX_MEDIA_RETENTION_DAYS = 365;
