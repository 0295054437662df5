// The local stack's stand-in for Cognito: an ES256 key pair kept in the data folder, used to
// sign developer tokens and to verify them the way API Gateway's JWT authorizer would.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type JWK, jwtVerify, SignJWT, type JWTPayload, createLocalJWKSet } from 'jose';
import type { Role } from '../core/principal.ts';

export const DEV_ISSUER = 'https://liudong.local/dev-issuer';
export const DEV_AUDIENCE = 'liudong-local';
const KID = 'liudong-local-1';

interface KeyFile {
  privateJwk: JWK;
  publicJwk: JWK;
}

async function keys(dataDir: string): Promise<KeyFile> {
  const file = path.join(dataDir, 'dev-issuer.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as KeyFile;
  const pair = await generateKeyPair('ES256', { extractable: true });
  const keyFile: KeyFile = {
    privateJwk: { ...(await exportJWK(pair.privateKey)), kid: KID, alg: 'ES256' },
    publicJwk: { ...(await exportJWK(pair.publicKey)), kid: KID, alg: 'ES256', use: 'sig' },
  };
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, JSON.stringify(keyFile), { mode: 0o600 });
  return keyFile;
}

export interface TokenRequest {
  role: Role;
  jurisdiction?: string;
  /** A filer's organisation (employer or landlord). */
  organisation?: string;
  /** A partner agency's id. */
  agency?: string;
  /** A person's verified ID number (the identity provider's real-name verification). */
  idNumber?: string;
  sub?: string;
  ttlSeconds?: number;
}

export interface DevIssuer {
  sign(request: TokenRequest): Promise<string>;
  /** Claims as API Gateway hands them to a Lambda: every value a string. */
  verify(token: string): Promise<Record<string, string>>;
  jwks: { keys: JWK[] };
}

export async function devIssuer(dataDir: string): Promise<DevIssuer> {
  const { privateJwk, publicJwk } = await keys(dataDir);
  const privateKey = await importJWK(privateJwk, 'ES256');
  const jwks = { keys: [publicJwk] };
  const keySet = createLocalJWKSet(jwks);
  return {
    jwks,
    async sign({ role, jurisdiction, organisation, agency, idNumber, sub, ttlSeconds = 12 * 3600 }) {
      const claims: JWTPayload = { 'custom:role': role, token_use: 'id' };
      if (jurisdiction) claims['custom:jurisdiction'] = jurisdiction;
      if (organisation) claims['custom:organisation'] = organisation;
      if (agency) claims['custom:agency'] = agency;
      if (idNumber) claims['custom:id_number'] = idNumber;
      return new SignJWT(claims)
        .setProtectedHeader({ alg: 'ES256', kid: KID })
        .setIssuer(DEV_ISSUER)
        .setAudience(DEV_AUDIENCE)
        .setSubject(sub ?? `dev-${role}${agency ? `-${agency}` : ''}${jurisdiction ? `-${jurisdiction}` : ''}`)
        .setIssuedAt()
        .setExpirationTime(`${ttlSeconds}s`)
        .sign(privateKey);
    },
    async verify(token) {
      const { payload } = await jwtVerify(token, keySet, { issuer: DEV_ISSUER, audience: DEV_AUDIENCE });
      return Object.fromEntries(
        Object.entries(payload).map(([k, v]) => [k, typeof v === 'string' ? v : Array.isArray(v) ? `[${v.join(' ')}]` : String(v)]),
      );
    },
  };
}
