// WebAuthn in JSON: the server's options (binary values as base64url) become the browser's, and the browser's
// credential becomes JSON for the server again (the shapes @simplewebauthn/server reads).
import { base64UrlFromBytes, bytesFromBase64Url } from '../base64url.js';

interface CredentialDescriptorJson {
  readonly id: string;
  readonly type: 'public-key';
  readonly transports?: AuthenticatorTransport[];
}

export interface RegistrationOptionsJson extends Omit<
  PublicKeyCredentialCreationOptions,
  'challenge' | 'user' | 'excludeCredentials'
> {
  readonly challenge: string;
  readonly user: Omit<PublicKeyCredentialUserEntity, 'id'> & { readonly id: string };
  readonly excludeCredentials?: readonly CredentialDescriptorJson[];
}

export interface AuthenticationOptionsJson extends Omit<
  PublicKeyCredentialRequestOptions,
  'challenge' | 'allowCredentials'
> {
  readonly challenge: string;
  readonly allowCredentials?: readonly CredentialDescriptorJson[];
}

function descriptor(c: CredentialDescriptorJson): PublicKeyCredentialDescriptor {
  return { ...c, id: bytesFromBase64Url(c.id) };
}

async function credentialOf(request: Promise<Credential | null>): Promise<PublicKeyCredential> {
  const credential = await request;
  if (!(credential instanceof PublicKeyCredential)) throw new DOMException('No passkey was chosen', 'NotAllowedError');
  return credential;
}

/** Creates a passkey with the server's registration options; the result is what the server verifies. */
export async function register(options: RegistrationOptionsJson) {
  const publicKey: PublicKeyCredentialCreationOptions = {
    ...options,
    challenge: bytesFromBase64Url(options.challenge),
    user: { ...options.user, id: bytesFromBase64Url(options.user.id) },
    excludeCredentials: (options.excludeCredentials ?? []).map(descriptor),
  };
  const credential = await credentialOf(navigator.credentials.create({ publicKey }));
  const r = credential.response;
  if (!(r instanceof AuthenticatorAttestationResponse)) throw new TypeError('Not an attestation');
  return {
    id: credential.id,
    rawId: base64UrlFromBytes(credential.rawId),
    type: credential.type,
    clientExtensionResults: credential.getClientExtensionResults(),
    authenticatorAttachment: credential.authenticatorAttachment ?? undefined,
    response: {
      clientDataJSON: base64UrlFromBytes(r.clientDataJSON),
      attestationObject: base64UrlFromBytes(r.attestationObject),
      transports: typeof r.getTransports === 'function' ? r.getTransports() : [],
    },
  };
}

/** Signs the server's challenge with a passkey; the result is what the server verifies. */
export async function authenticate(options: AuthenticationOptionsJson) {
  const publicKey: PublicKeyCredentialRequestOptions = {
    ...options,
    challenge: bytesFromBase64Url(options.challenge),
    allowCredentials: (options.allowCredentials ?? []).map(descriptor),
  };
  const credential = await credentialOf(navigator.credentials.get({ publicKey }));
  const r = credential.response;
  if (!(r instanceof AuthenticatorAssertionResponse)) throw new TypeError('Not an assertion');
  return {
    id: credential.id,
    rawId: base64UrlFromBytes(credential.rawId),
    type: credential.type,
    clientExtensionResults: credential.getClientExtensionResults(),
    authenticatorAttachment: credential.authenticatorAttachment ?? undefined,
    response: {
      clientDataJSON: base64UrlFromBytes(r.clientDataJSON),
      authenticatorData: base64UrlFromBytes(r.authenticatorData),
      signature: base64UrlFromBytes(r.signature),
      userHandle: r.userHandle ? base64UrlFromBytes(r.userHandle) : undefined,
    },
  };
}
