// Valid ID numbers for tests: 14 digits of region and birth date, a 3-digit sequence, and the
// MOD 11-2 check character.
import { checkCharacter } from '../../core/id-number.ts';

export const idNumberFor = (first14: string, i: number) => {
  const first17 = `${first14}${String(i).padStart(3, '0')}`;
  return first17 + checkCharacter(first17);
};
