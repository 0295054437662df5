import { describe, expect, it } from 'vitest';
import { checkCharacter, maskIdNumber, parseIdNumber } from '../../core/id-number.ts';

const TODAY = '2026-11-29';

describe('citizen ID numbers', () => {
  it('computes the ISO 7064 MOD 11-2 check character, including X', () => {
    expect(checkCharacter('11010519491231002')).toBe('X');
    expect(checkCharacter('44052418800101001')).toBe('4'); // GB 11643's worked example
    expect(checkCharacter('44052419800101001')).toBe('3');
  });

  it('accepts a valid number and reads its parts', () => {
    expect(parseIdNumber('11010519491231002X', TODAY)).toEqual({
      idNumber: '11010519491231002X',
      addressCode: '110105',
      birthDate: '1949-12-31',
      sequence: '002',
    });
  });

  it('accepts a lowercase x and surrounding spaces', () => {
    expect(parseIdNumber(' 11010519491231002x ', TODAY)).toMatchObject({ idNumber: '11010519491231002X' });
  });

  it.each([
    ['1101051949123100', 'must be 18 characters'],
    ['11010519491231002Y', 'must be 18 characters'],
    ['110105194902300021', 'impossible birth date 1949-02-30'],
    ['110105203001010011', 'birth date in the future'],
    ['110105194912310021', 'wrong check character'],
  ])('rejects %s', (value, reason) => {
    const result = parseIdNumber(value, TODAY);
    expect(result).toHaveProperty('error');
    expect((result as { error: string }).error).toContain(reason);
  });

  it('masks all but the address code and the last four characters', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
  });
});
