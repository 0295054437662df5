// What a deployment is made of where it goes: the identity provider, the e-mail and SMS channels
// and how the console is served, read from context once and checked before anything is built.
// AWS's China regions (the aws-cn partition) offer no Cognito user pools, no SES and no SNS SMS,
// and serve public content only on an ICP-recorded domain: there the deployment signs people in
// with any OpenID Connect issuer (a provincial unified identity platform), sends e-mail through an
// SMTP relay and SMS through an HTTP gateway, and serves the console on the operator's domain.
import { DEFAULT_CLAIMS } from '../wiring/index.ts';

export type Partition = 'aws' | 'aws-cn';
export type ClaimNames = typeof DEFAULT_CLAIMS;

export interface Profile {
  partition: Partition;
  identity: { kind: 'cognito' } | { kind: 'oidc'; issuer: string; audience: string; claims: ClaimNames };
  email: { kind: 'ses'; domain: string } | { kind: 'smtp'; host: string; port: number; secret: string; from: string };
  sms: { kind: 'sns' } | { kind: 'http'; url: string; secret: string };
  /** CloudFront with origin access control and an edge function; or, where those are missing (China), origin access identity on the operator's domain. */
  console: { kind: 'cloudfront' } | { kind: 'cloudfront-domain'; domain: string; certificateId: string };
}

/** The partition a region belongs to (the China regions begin with cn-). */
export const partitionOf = (region: string | undefined): Partition => (region?.startsWith('cn-') ? 'aws-cn' : 'aws');

/** A deployment that cannot be built from the context given: its message names every option wanting. */
export class ProfileError extends Error {
  override name = 'ProfileError';
}

/** Context as the CLI passes it (-c key=value): strings, or undefined. */
export type Context = (key: string) => string | undefined;

/**
 * The profile for `region` from context. Outside China every choice has a default (Cognito, SES,
 * SNS, CloudFront's own domain); in China the ones without a service there must be named, and a
 * missing one is refused with every key that is wanting, at once.
 */
export function profileFor(region: string | undefined, context: Context): Profile {
  const partition = partitionOf(region);
  const china = partition === 'aws-cn';
  const wanting: string[] = [];
  const need = (key: string, why: string): string => {
    const value = context(key);
    if (!value) wanting.push(`-c ${key}=… (${why})`);
    return value ?? '';
  };

  const oidcIssuer = context('oidcIssuer');
  const identity: Profile['identity'] =
    oidcIssuer || china
      ? {
          kind: 'oidc',
          issuer: need('oidcIssuer', 'the OpenID Connect issuer URL people sign in with; China has no Cognito user pools'),
          audience: need('oidcAudience', "the console's client id at that issuer, the tokens' audience"),
          claims: claimNames(context('oidcClaims'), wanting),
        }
      : { kind: 'cognito' };

  const messagesDomain = context('messagesDomain') ?? 'liudong.example.cn';
  const emailChannel = context('email') ?? (china ? 'smtp' : 'ses');
  const email: Profile['email'] =
    emailChannel === 'smtp'
      ? {
          kind: 'smtp',
          host: need('smtpHost', 'the SMTP relay; China has no SES'),
          port: Number(context('smtpPort') ?? 465),
          secret: need('smtpSecret', 'the Secrets Manager secret with the relay\'s {"username","password"}'),
          // A relay sends only for a domain the operator owns: no example default.
          from: need('messagesFrom', 'the sender address, on a domain the relay sends for'),
        }
      : { kind: 'ses', domain: messagesDomain };
  if (emailChannel !== 'smtp' && emailChannel !== 'ses') wanting.push(`-c email=ses|smtp (not ${emailChannel})`);

  const smsChannel = context('sms') ?? (china ? 'http' : 'sns');
  const sms: Profile['sms'] =
    smsChannel === 'http'
      ? {
          kind: 'http',
          url: need('smsUrl', "the SMS gateway's https URL; China has no SNS SMS"),
          secret: need('smsSecret', 'the Secrets Manager secret with the whsec_… key that signs each request'),
        }
      : { kind: 'sns' };
  if (smsChannel !== 'http' && smsChannel !== 'sns') wanting.push(`-c sms=sns|http (not ${smsChannel})`);
  if (sms.kind === 'http' && sms.url && !sms.url.startsWith('https://')) wanting.push(`-c smsUrl=https://… (not ${sms.url})`);

  const consoleDomain = context('consoleDomain');
  const console: Profile['console'] =
    consoleDomain || china
      ? {
          kind: 'cloudfront-domain',
          domain: need('consoleDomain', 'the console\'s own domain; in China, ICP-recorded'),
          certificateId: need('consoleCertificate', "its certificate: an ACM certificate ARN in us-east-1, or in China an IAM server certificate's id"),
        }
      : { kind: 'cloudfront' };

  if (wanting.length > 0) {
    throw new ProfileError(`The ${partition} deployment${region ? ` in ${region}` : ''} needs:\n  ${wanting.join('\n  ')}`);
  }
  return { partition, identity, email, sms, console };
}

/** `role=liudong_role,jurisdiction=org_code`: the issuer's names for the claims the API reads; the rest keep their defaults. */
function claimNames(spec: string | undefined, wanting: string[]): ClaimNames {
  const names: Record<string, string> = { ...DEFAULT_CLAIMS };
  for (const pair of (spec ?? '').split(',').filter(Boolean)) {
    const [key, name] = pair.split('=').map((s) => s.trim());
    if (!key || !name || !(key in DEFAULT_CLAIMS)) wanting.push(`-c oidcClaims=${Object.keys(DEFAULT_CLAIMS).map((k) => `${k}=…`).join(',')} (not ${pair})`);
    else names[key] = name;
  }
  return names as ClaimNames;
}
