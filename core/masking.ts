// Masking ID and phone numbers: the first and last digits stay so a person or an office can
// tell which it is, the middle does not (`110105********002X`, `138****8000`). Also used to
// redact them from any text (log lines), wherever they appear.

/** An 18-character ID number with its region code and last four kept. */
export const maskIdNumber = (id: string) => (id.length === 18 ? `${id.slice(0, 6)}${'*'.repeat(8)}${id.slice(14)}` : '*'.repeat(id.length));

/** A mainland mobile number with its first three and last four digits kept. */
export const maskPhone = (phone: string) => {
  const digits = phone.replace(/\D/g, '');
  return digits.length >= 7 ? `${digits.slice(0, 3)}${'*'.repeat(digits.length - 7)}${digits.slice(-4)}` : '*'.repeat(digits.length);
};

/** An e-mail address with the first letter of its local part kept: `z***@example.cn`. */
export const maskEmail = (email: string) => {
  const at = email.lastIndexOf('@');
  return at > 0 ? `${email[0]}***${email.slice(at)}` : '***';
};

// Digits not inside a longer run of digits (an id, a timestamp): the number alone.
const ID_NUMBER = /(?<![0-9])[1-9][0-9]{16}[0-9Xx](?![0-9A-Za-z])/g;
const MOBILE = /(?<![0-9])(?:\+?86[ -]?)?1[3-9][0-9]{9}(?![0-9])/g;

/** Text with every ID number and mobile number in it masked. */
export const redactText = (text: string) => text.replace(ID_NUMBER, maskIdNumber).replace(MOBILE, (m) => maskPhone(m.replace(/^\+?86[ -]?/, '')));

/** Where a case holds ID and phone numbers (the store seals these; responses mask them). */
export const PROTECTED_FIELDS: readonly { path: readonly [string, string]; mask: (v: string) => string }[] = [
  { path: ['person', 'idNumber'], mask: maskIdNumber },
  { path: ['person', 'phone'], mask: maskPhone },
  { path: ['responsiblePerson', 'idNumber'], mask: maskIdNumber },
  { path: ['responsiblePerson', 'phone'], mask: maskPhone },
  { path: ['subject', 'idNumber'], mask: maskIdNumber },
];

/** The object with every protected number masked (already-masked values stay as they are). */
export function maskProtected<T extends object>(value: T): T {
  const out: Record<string, any> = { ...value };
  for (const { path: [outer, inner], mask } of PROTECTED_FIELDS) {
    const v = out[outer]?.[inner];
    if (typeof v === 'string' && !v.includes('*')) out[outer] = { ...out[outer], [inner]: mask(v) };
  }
  return out as T;
}
