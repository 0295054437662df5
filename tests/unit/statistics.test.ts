// Reporting periods (10-day periods, months, quarters) across their awkward boundaries, and the
// rate definitions served as data.
import { describe, expect, it } from 'vitest';
import { RATE_DEFINITIONS, RateDefinitionList, isProvisional, parsePeriodKey, periodOf, periodsBetween } from '../../core/statistics.ts';
import { httpEvent, lambdaContext, useMockedAwsEnvironment } from '../support/events.ts';

useMockedAwsEnvironment();
const { handler } = await import('../../functions/api/statistics/definitions.ts');

describe('reporting periods', () => {
  it('cuts a month into days 1–10, 11–20 and 21 to its end', () => {
    expect(periodOf('2026-12-31', 'dekad')).toEqual({ key: '2026-12-3', kind: 'dekad', from: '2026-12-21', to: '2026-12-31' });
    expect(periodOf('2026-11-30', 'dekad')).toMatchObject({ key: '2026-11-3', to: '2026-11-30' });
    expect(periodOf('2026-11-10', 'dekad')).toMatchObject({ key: '2026-11-1', from: '2026-11-01', to: '2026-11-10' });
    expect(periodOf('2026-11-11', 'dekad')).toMatchObject({ key: '2026-11-2', from: '2026-11-11', to: '2026-11-20' });
    // February: the third period ends on the 28th, or the 29th in a leap year.
    expect(periodOf('2027-02-25', 'dekad')).toMatchObject({ key: '2027-02-3', to: '2027-02-28' });
    expect(periodOf('2028-02-29', 'dekad')).toMatchObject({ key: '2028-02-3', to: '2028-02-29' });
  });

  it('names months and quarters', () => {
    expect(periodOf('2026-02-14', 'month')).toEqual({ key: '2026-02', kind: 'month', from: '2026-02-01', to: '2026-02-28' });
    expect(periodOf('2026-11-29', 'quarter')).toEqual({ key: '2026-Q4', kind: 'quarter', from: '2026-10-01', to: '2026-12-31' });
    expect(periodOf('2026-03-31', 'quarter')).toMatchObject({ key: '2026-Q1', from: '2026-01-01', to: '2026-03-31' });
  });

  it('lists every period in a range, across a year end, partial ones at the edges included', () => {
    expect(periodsBetween('2026-10-05', '2026-12-31', 'month').map((p) => p.key)).toEqual(['2026-10', '2026-11', '2026-12']);
    expect(periodsBetween('2026-12-15', '2027-01-05', 'dekad').map((p) => p.key)).toEqual(['2026-12-2', '2026-12-3', '2027-01-1']);
    expect(periodsBetween('2026-11-15', '2027-02-01', 'quarter').map((p) => p.key)).toEqual(['2026-Q4', '2027-Q1']);
  });

  it('reads a key back, and refuses what names no period', () => {
    for (const key of ['2026-11-3', '2026-11', '2026-Q4', '2027-02-3']) expect(parsePeriodKey(key)?.key).toBe(key);
    expect(parsePeriodKey('2026-02-3')?.to).toBe('2026-02-28');
    for (const bad of ['2026-13', '2026-11-4', '2026-Q5', '2026-11-01']) expect(parsePeriodKey(bad)).toBeUndefined();
  });

  it('marks a period still running as provisional', () => {
    expect(isProvisional(periodOf('2026-11-29', 'month'), '2026-11-29')).toBe(true);
    expect(isProvisional(periodOf('2026-10-31', 'month'), '2026-11-01')).toBe(false);
  });

  it('defines each rate as data, with what places a case in a period', () => {
    expect(RATE_DEFINITIONS.map((r) => r.id)).toEqual([
      'registeredOnTime',
      'certificatesProcessedInTime',
      'verificationCertificatesIssued',
      'reviewsOnTime',
      'noticesAcknowledgedInTime',
      'appealsDecidedInTime',
    ]);
    expect(RATE_DEFINITIONS[0]!.denominator).toContain('whatever became of it');
    for (const r of RATE_DEFINITIONS) expect(Object.values(r).every((v) => typeof v === 'string' && v.length > 0)).toBe(true);
  });

  it('serves the definitions at GET /v1/statistics/definitions', async () => {
    const r = await handler(httpEvent({ path: '/v1/statistics/definitions', claims: { sub: 's', 'custom:role': 'supervisor', 'custom:jurisdiction': '1101' } }), lambdaContext());
    expect(r.statusCode).toBe(200);
    const body = JSON.parse(r.body);
    expect(body).toMatchObject({ defaultTarget: 0.95, items: RATE_DEFINITIONS });
    expect(RateDefinitionList.parse(body)).toEqual(body);
  });
});
