// Secrets from Secrets Manager (the SMTP relay's credentials, the SMS gateway's signing key),
// read once per execution environment and kept for a few minutes, so a rotated secret is picked
// up without a redeployment and a busy worker does not read it on every message. A read that
// failed is not kept: the next call tries again.
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

/** How long a secret read is reused (wall clock: a transport concern, not the domain's clock). */
export const SECRET_TTL_MS = 5 * 60_000;

let client: SecretsManagerClient | undefined;
const cache = new Map<string, { value: Promise<string>; until: number }>();

/** The secret's string value (`SecretString`), by ARN or name. */
export function secretString(id: string): Promise<string> {
  const now = Date.now();
  const hit = cache.get(id);
  if (hit && hit.until > now) return hit.value;
  const value = (client ??= new SecretsManagerClient({}))
    .send(new GetSecretValueCommand({ SecretId: id }))
    .then((result) => {
      if (result.SecretString === undefined) throw new Error(`secret ${id} has no string value`);
      return result.SecretString;
    });
  const entry = { value, until: now + SECRET_TTL_MS };
  cache.set(id, entry);
  value.catch(() => {
    if (cache.get(id) === entry) cache.delete(id);
  });
  return value;
}

/** Drops a kept secret (one the far side refused: it may have been rotated), or every one. */
export function forgetSecret(id?: string): void {
  if (id === undefined) cache.clear();
  else cache.delete(id);
}
