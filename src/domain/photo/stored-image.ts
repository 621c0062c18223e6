/** A photo as it is kept: re-encoded without metadata, under a random key that says nothing about it. */
export interface StoredImage {
  readonly key: string;
  readonly contentType: ImageContentType;
  readonly width: number;
  readonly height: number;
  readonly bytes: number;
}

export type ImageContentType = 'image/jpeg' | 'image/webp';

/** Why an upload was refused; nothing of it is stored. */
export type ImageProblem = 'not-an-image' | 'too-many-pixels';

/** The meldkamer's photo of an action (a missing person, a vehicle). */
export interface ActionPhoto {
  readonly actionId: string;
  readonly image: StoredImage;
  readonly uploadedAt: Date;
  readonly uploadedBy: string;
}
