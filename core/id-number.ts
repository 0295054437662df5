// Citizen ID numbers (GB 11643): 6-digit address code, 8-digit birth date, 3-digit sequence,
// and a check character computed with ISO 7064 MOD 11-2 (may be `X`).
import { isRealDate } from './calendar.ts';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARACTERS = '10X98765432';

export function checkCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARACTERS[sum % 11]!;
}

export interface ParsedIdNumber {
  idNumber: string;
  addressCode: string;
  birthDate: string; // YYYY-MM-DD
  sequence: string;
}

/** Returns the reason the number is invalid, or the parsed number. `today` bounds the birth date. */
export function parseIdNumber(raw: string, today: string): ParsedIdNumber | { error: string } {
  const idNumber = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(idNumber)) {
    return { error: 'must be 18 characters: 17 digits and a digit or X' };
  }
  const birthDate = `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
  if (!isRealDate(birthDate) || birthDate < '1900-01-01') {
    return { error: `contains an impossible birth date ${birthDate}` };
  }
  if (birthDate > today) return { error: `contains a birth date in the future (${birthDate})` };
  if (checkCharacter(idNumber) !== idNumber[17]) {
    return { error: 'has a wrong check character (ISO 7064 MOD 11-2)' };
  }
  return { idNumber, addressCode: idNumber.slice(0, 6), birthDate, sequence: idNumber.slice(14, 17) };
}

/** Shows only the address code and the last four characters, for logs and lists. */
export const maskIdNumber = (idNumber: string) => `${idNumber.slice(0, 6)}********${idNumber.slice(14)}`;

/** A problem when the number's birth date is after `today` (a typing error, never a person). */
export function bornByToday(idNumber: string, today: string, field: string): { field: string; reason: string }[] {
  const parsed = parseIdNumber(idNumber, today);
  return 'error' in parsed && parsed.error.includes('in the future') ? [{ field, reason: parsed.error }] : [];
}
