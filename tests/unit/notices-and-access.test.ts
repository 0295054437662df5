import { describe, expect, it } from 'vitest';
import { mayReadInbox, mayReadCase } from '../../core/access.ts';
import { declinedFields } from '../../core/declined.ts';
import { noticesFor } from '../../core/notices.ts';
import { DEFAULT_POLICY } from '../../core/policy.ts';
import { report } from '../../core/workflows/registration.ts';

const opened = report(
  {
    person: { name: '张三', idNumber: '11010519491231002X', phone: '13800138000' },
    originCode: '511321100',
    destinationCode: '110105001',
    arrivalDate: '2026-11-25',
    expectedStayDays: 180,
  },
  { sub: 'person-1', role: 'person', idNumber: '11010519491231002X' },
  DEFAULT_POLICY,
  { caseId: 'c', eventId: 'e' },
  new Date('2026-11-29T02:00:00Z'),
);

describe('notices', () => {
  it('files a reported registration in the origin inbox', () => {
    expect(noticesFor(opened.event).map((n) => n.jurisdiction)).toEqual(['511321100']);
  });

  it('escalates an overdue case to the destination and its county', () => {
    expect(noticesFor({ ...opened.event, type: 'registration.overdue' }).map((n) => n.jurisdiction)).toEqual([
      '110105001',
      '110105',
    ]);
  });

  it('escalates an overdue origin certificate to the origin and its county', () => {
    const event = { ...opened.event, type: 'origin_certificate.overdue', caseType: 'origin_certificate' as const };
    expect(noticesFor(event).map((n) => n.jurisdiction)).toEqual(['511321100', '511321']);
  });

  it('carries the case id and the masked number, never the name, phone or a hand-off', () => {
    const [notice] = noticesFor({ ...opened.event, data: { ...opened.event.data, handOff: { person: { name: '张三' } } } });
    expect(notice!.data).toMatchObject({ caseId: 'c', person: { idNumber: '110105********002X' } });
    expect(JSON.stringify(notice)).not.toMatch(/张三|13800138000|handOff|11010519491231002X/);
  });

  it('files nothing for an event type with no route', () => {
    expect(noticesFor({ ...opened.event, type: 'registration.supplement_requested' })).toEqual([]);
  });
});

describe('access', () => {
  it('lets offices read inboxes inside their jurisdiction only', () => {
    expect(mayReadInbox({ sub: 'a', role: 'caseworker', jurisdiction: '5113' }, '511321100')).toBe(true);
    expect(mayReadInbox({ sub: 'a', role: 'caseworker', jurisdiction: '511321100' }, '5113')).toBe(false);
    expect(mayReadInbox({ sub: 'a', role: 'person' }, '511321100')).toBe(false);
  });

  it('lets the destination office and the person the case is about read it, whoever opened it', () => {
    expect(mayReadCase({ sub: 'x', role: 'supervisor', jurisdiction: '110105' }, opened.case)).toBe(true);
    expect(mayReadCase({ sub: 'x', role: 'caseworker', jurisdiction: '511321100' }, opened.case)).toBe(false);
    expect(mayReadCase({ sub: 'person-1', role: 'person', idNumber: '11010519491231002X' }, opened.case)).toBe(true);
    // The same ID number on another account (a second login of the same person): theirs too.
    expect(mayReadCase({ sub: 'person-9', role: 'person', idNumber: '11010519491231002X' }, opened.case)).toBe(true);
    // The account that opened it, verified as someone else: not theirs.
    expect(mayReadCase({ sub: 'person-1', role: 'person', idNumber: '511321199001010025' }, opened.case)).toBe(false);
  });

  it('lets a person report only for the ID number they are verified as', () => {
    const input = { person: { name: '李四', idNumber: '511321199001010025', phone: '13800138000' }, originCode: '511321100', destinationCode: '110105001', arrivalDate: '2026-11-25', expectedStayDays: 180 };
    expect(() => report(input, { sub: 'person-1', role: 'person', idNumber: '11010519491231002X' }, DEFAULT_POLICY, { caseId: 'c2', eventId: 'e2' }, new Date('2026-11-29T02:00:00Z'))).toThrow(/another person/);
    expect(report(input, { sub: 'person-2', role: 'person', idNumber: '511321199001010025' }, DEFAULT_POLICY, { caseId: 'c2', eventId: 'e2' }, new Date('2026-11-29T02:00:00Z')).case.state).toBe('reported');
  });
});

describe('declined fields', () => {
  it('finds pregnancy, contraception and birth fields at any depth', () => {
    expect(
      declinedFields({ person: { name: 'a', pregnancyStatus: 'x', children: [{ birthPermit: 1 }] }, contraception: {} }),
    ).toEqual([
      expect.objectContaining({ field: 'person.pregnancyStatus' }),
      expect.objectContaining({ field: 'person.children.0.birthPermit' }),
      expect.objectContaining({ field: 'contraception' }),
    ]);
  });

  it('leaves ordinary fields, including a birth date, alone', () => {
    expect(declinedFields({ person: { name: 'a', birthDate: '1990-01-01' }, arrivalDate: '2026-01-01' })).toEqual([]);
  });
});
