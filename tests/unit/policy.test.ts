import { describe, expect, it } from 'vitest';
import { NATIONAL_CALENDAR } from '../../core/holidays.ts';
import { DEFAULT_POLICY, policyKeysFor, resolvePolicy, resolvePolicyWithSources } from '../../core/policy.ts';
import { countyOf, isJurisdictionCode, isWithin, levelOf, lineage } from '../../core/jurisdiction.ts';

describe('jurisdictions', () => {
  it('knows levels by code length', () => {
    expect(levelOf('11')).toBe('province');
    expect(levelOf('110105')).toBe('county');
    expect(levelOf('110105001')).toBe('township');
    expect(() => levelOf('1101050')).toThrow();
    expect(isJurisdictionCode('110105001002')).toBe(true);
    expect(isJurisdictionCode('11010500')).toBe(false);
  });

  it('places a longer code inside a shorter one', () => {
    expect(isWithin('110105001', '1101')).toBe(true);
    expect(isWithin('110105001', '110105001')).toBe(true);
    expect(isWithin('110108001', '110105')).toBe(false);
    expect(lineage('110105001')).toEqual(['11', '1101', '110105', '110105001']);
    expect(countyOf('110105001')).toBe('110105');
    expect(countyOf('1101')).toBeUndefined();
  });
});

describe('policy', () => {
  it('uses the defaults where nothing overrides them', () => {
    expect(resolvePolicy('110105001', {})).toEqual({ ...DEFAULT_POLICY, calendar: NATIONAL_CALENDAR });
    expect(DEFAULT_POLICY.registration).toEqual({ count: 10, unit: 'calendar_days' });
    expect(DEFAULT_POLICY.originCertificateProcessing.count).toBe(5);
    expect(DEFAULT_POLICY.supplement.count).toBe(15);
    expect(DEFAULT_POLICY.reviewIntervalMonths).toBe(6);
  });

  it('lets the longest matching prefix win, setting by setting', () => {
    const policy = resolvePolicy('110105001', {
      '': { reviewWindowDays: 3 },
      '11': { registration: { count: 7, unit: 'working_days' }, supplement: { count: 20, unit: 'calendar_days' } },
      '110105': { registration: { count: 8, unit: 'calendar_days' } },
      '110108': { registration: { count: 1, unit: 'calendar_days' } },
    });
    expect(policy.registration).toEqual({ count: 8, unit: 'calendar_days' });
    expect(policy.supplement).toEqual({ count: 20, unit: 'calendar_days' });
    expect(policy.reviewWindowDays).toBe(3);
  });

  it('says where each setting came from, and adds local calendar days to the national calendar', () => {
    const { policy, sources } = resolvePolicyWithSources('110105001', {
      '': { reviewWindowDays: 3, calendar: { holidays: [], workdays: [] } },
      '11': { minimumAge: null, calendar: { holidays: ['2026-12-01'], workdays: [] } },
      '110105': { calendar: { holidays: [], workdays: ['2026-12-05'] } },
    });
    expect(sources).toMatchObject({ reviewWindowDays: 'national', minimumAge: '11', registration: 'default', calendar: ['default', '11', '110105'] });
    expect(policy.minimumAge).toBeNull();
    expect(policy.calendar.holidays).toEqual(expect.arrayContaining(['2026-12-01', '2026-10-01']));
    expect(policy.calendar.workdays).toEqual(expect.arrayContaining(['2026-12-05', '2026-10-10']));
    // A local holiday on a national make-up Saturday wins there: the more specific prefix decides the day.
    const local = resolvePolicy('110105001', { '11': { calendar: { holidays: ['2026-10-10'], workdays: [] } } });
    expect(local.calendar.holidays).toContain('2026-10-10');
    expect(local.calendar.workdays).not.toContain('2026-10-10');
    // Another province keeps only the national calendar.
    expect(resolvePolicy('511321100', { '11': { calendar: { holidays: ['2026-12-01'], workdays: [] } } }).calendar).toEqual(NATIONAL_CALENDAR);
  });

  it('names the keys a store must load, shortest first', () => {
    expect(policyKeysFor('110105001')).toEqual(['', '11', '1101', '110105', '110105001']);
  });
});
