import type { SelfServiceDeps } from './self-service-deps.js';

/** A "Mijn gegevens" session: a random token for the cookie; only its keyed hash is stored. */
export async function startSession(deps: SelfServiceDeps, participantId: string): Promise<string> {
  const now = deps.clock.now();
  const token = deps.crypto.newToken();
  await deps.store.selfService.createSession(
    deps.crypto.digest('session', token),
    participantId,
    now,
    new Date(now.getTime() + deps.sessionMinutes * 60_000),
  );
  return token;
}

/** The participant the session token belongs to, or null when it is unknown or expired. */
export async function participantOfSession(deps: SelfServiceDeps, token: string): Promise<string | null> {
  if (token.length < 20 || token.length > 200) return null;
  return deps.store.selfService.findSession(deps.crypto.digest('session', token), deps.clock.now());
}

export async function endSession(deps: SelfServiceDeps, token: string): Promise<void> {
  await deps.store.selfService.deleteSession(deps.crypto.digest('session', token));
}
