import type { MailDeps } from '../../../app/burgernetmail/mail-deps.js';
import type { ImageSanitizer } from '../../../app/ports/image-sanitizer.js';
import type { PhotoStorage } from '../../../app/ports/photo-storage.js';
import type { SmtpSimulator } from '../../channels/email-smtp/smtp-simulator.js';

/** What Burgernetmail's API, portal pages and public pages (answer form, unsubscribe) need beyond the API's deps. */
export interface MailHttpDeps {
  readonly mail: MailDeps;
  /** The app's photo path: the answer form's photo is cleaned and stored the same way as a tip's. */
  readonly media: { readonly photos: PhotoStorage; readonly images: ImageSanitizer };
  readonly maxPhotoBytes: number;
  /** The SMTP simulator whose messages the demo page lists; null when mail goes to a real relay. */
  readonly simulator: SmtpSimulator | null;
  /** The simulator page exists only in demo mode. */
  readonly demo: boolean;
  /** The DKIM key's DNS record, for beheer to publish; null when mails go unsigned. */
  readonly dkimDnsRecord: string | null;
}
