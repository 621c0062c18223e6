/** An activation link on its way to the one person it is for. */
export interface ActivationLink {
  readonly name: string;
  readonly email: string;
  /** The secret part of the link; only its hash is stored. */
  readonly token: string;
  readonly expiresAt: Date;
  /** A new account, or a reset of an existing one (new password and second factor). */
  readonly reason: 'created' | 'reset';
}

/**
 * How an activation link reaches its owner: by e-mail to the account's own address, never through the beheerder
 * who asked for it (who could otherwise activate the account and act as its owner).
 */
export interface ActivationLinkDelivery {
  /** True when the link is on its way (the relay accepted the mail). */
  deliver(link: ActivationLink): Promise<boolean>;
}
