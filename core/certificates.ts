// Certificates: the origin certificate (issued by the origin before leaving) and the
// verification certificate (issued by the destination on registration). A number is read out
// over a counter or a phone, so it is short, in Crockford's base 32 (no I, L, O, U), grouped,
// and ends in a check character (ISO 7064's pure MOD 37-2 scheme over that alphabet) that
// catches every mistyped character and every swap of neighbours; 55 random bits make it
// unguessable within the check route's rate limit.
import { addMonths } from './calendar.ts';

export type CertificateKind = 'origin' | 'verification';
export const CERTIFICATE_STATUSES = ['valid', 'expired', 'revoked', 'superseded'] as const;
export type CertificateStatus = (typeof CERTIFICATE_STATUSES)[number];

export interface Certificate {
  number: string;
  validFrom: string;
  validUntil: string;
  revoked?: { at: string; reason: string };
  /** The number of the certificate that replaced this one. */
  supersededBy?: string;
}

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const PREFIX: Record<CertificateKind, string> = { origin: 'OC', verification: 'VC' };
const RANDOM_CHARACTERS = 11;
const MODULUS = 37;

/**
 * The check value that makes the weighted sum (weights 2^n … 2^1 for the payload, 1 for the
 * check) divisible by 37. 37 is prime and 2 a primitive root, so a single changed character
 * or two swapped neighbours always change the sum. Values 32–36 have no character: a payload
 * that needs one is never issued.
 */
function checkValue(payload: string): number {
  let sum = 0;
  for (const c of payload) sum = ((sum + ALPHABET.indexOf(c)) * 2) % MODULUS;
  return (MODULUS - sum) % MODULUS;
}

const format = (kind: CertificateKind, payloadWithCheck: string) => {
  const body = `${PREFIX[kind]}${payloadWithCheck}`;
  return `${body.slice(0, 2)}-${body.slice(2, 6)}-${body.slice(6, 10)}-${body.slice(10)}`;
};

/** A new number; `random(n)` supplies n random bytes (5 bits of each become a character). */
export function newCertificateNumber(kind: CertificateKind, random: (n: number) => Uint8Array): string {
  for (;;) {
    const payload = Array.from(random(RANDOM_CHARACTERS).subarray(0, RANDOM_CHARACTERS), (b) => ALPHABET[b & 31]).join('');
    const check = checkValue(payload);
    if (check < ALPHABET.length) return format(kind, payload + ALPHABET[check]);
  }
}

/**
 * Reads a number as typed: case, spaces and hyphens do not matter, and the letters people
 * confuse with digits (I, L → 1; O → 0) are read as the digits. Returns the canonical form
 * and kind, or the reason it is not a certificate number.
 */
export function parseCertificateNumber(raw: string): { number: string; kind: CertificateKind } | { error: string } {
  const compact = raw.toUpperCase().replace(/[\s-]/g, '');
  const kind = (Object.keys(PREFIX) as CertificateKind[]).find((k) => compact.startsWith(PREFIX[k]));
  if (!kind) return { error: 'must start with OC (origin certificate) or VC (verification certificate)' };
  const payload = compact.slice(2).replace(/[IL]/g, '1').replace(/O/g, '0');
  if (payload.length !== RANDOM_CHARACTERS + 1 || [...payload].some((c) => !ALPHABET.includes(c))) {
    return { error: 'must be the prefix and 12 characters, as printed on the certificate (e.g. VC-7K2M-9QD3-HX8P)' };
  }
  if (checkValue(payload.slice(0, -1)) !== ALPHABET.indexOf(payload.at(-1)!)) return { error: 'has a wrong check character: is it mistyped?' };
  return { number: format(kind, payload), kind };
}

/**
 * A certificate valid from `today` for `months`. As the Civil Code counts periods (art. 201,
 * 202), the period runs from the next day and ends on the corresponding day of the last month,
 * or on that month's last day when it has no such day.
 */
export const issueCertificate = (number: string, today: string, months: number): Certificate => ({
  number,
  validFrom: today,
  validUntil: addMonths(today, months),
});

/** `renew`: another period from the end of the current one, or from today if it has lapsed. */
export const extendCertificate = (c: Certificate, today: string, months: number): Certificate => ({
  ...c,
  validUntil: addMonths(c.validUntil >= today ? c.validUntil : today, months),
});

export function certificateStatus(c: Certificate, today: string): CertificateStatus {
  if (c.revoked) return 'revoked';
  if (c.supersededBy) return 'superseded';
  if (today > c.validUntil || today < c.validFrom) return 'expired';
  return 'valid';
}
