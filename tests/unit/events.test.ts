// The event catalogue: every event the workflows emit is listed, its data matches its schema,
// docs/EVENTS.md is current, and an agency's purpose decides which personal fields it gets.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EVENT_CATALOGUE, EVENT_PURPOSES, eventSpec, eventsMarkdown, minimise } from '../../core/events.ts';
import { NOTICE_ROUTES } from '../../core/notices.ts';
import { DEFAULT_POLICY } from '../../core/policy.ts';
import { WORKFLOWS } from '../../core/workflows/index.ts';
import { report } from '../../core/workflows/registration.ts';
import { toCloudEvent } from '../../functions/shared/events.ts';
import { PROJECT_ROOT } from '../../local/paths.ts';

describe('the event catalogue', () => {
  it('lists every event of every workflow table and every routed notice, once', () => {
    const types = EVENT_CATALOGUE.map((e) => e.type);
    expect(new Set(types).size).toBe(types.length);
    for (const workflow of Object.values(WORKFLOWS)) {
      for (const rule of Object.values(workflow.actions as Record<string, { event: string }>)) expect(types).toContain(`cn.liudong.${rule.event}`);
    }
    for (const routed of Object.keys(NOTICE_ROUTES)) expect(types).toContain(`cn.liudong.${routed}`);
    expect(eventSpec('registration.reported')).toMatchObject({ version: 1, notifies: ['origin'], personal: ['person.name', 'person.idNumber', 'handOff.person.name', 'handOff.person.idNumber', 'handOff.person.phone', 'handOff.person.email', 'handOff.person.sealed'] });
  });

  it('keeps docs/EVENTS.md as the catalogue says (npm run events:docs)', () => {
    expect(readFileSync(path.join(PROJECT_ROOT, 'docs/EVENTS.md'), 'utf8')).toBe(eventsMarkdown());
  });

  it('emits CloudEvents whose data fits the schema, naming the deployment and the schema', () => {
    process.env.DEPLOYMENT_NAME = 'bj-prod';
    process.env.API_URL = 'https://api.example.cn';
    try {
      const d = report(
        { person: { name: '张三', idNumber: '11010519491231002X', phone: '13800138000' }, originCode: '511321100', destinationCode: '110105001', arrivalDate: '2026-11-20', expectedStayDays: 180 },
        { sub: 'cw', role: 'caseworker', jurisdiction: '110105001' },
        DEFAULT_POLICY,
        { caseId: 'c0ffee00-1111-4222-8333-444455556666', eventId: 'e-1' },
        new Date('2026-11-29T02:00:00Z'),
      );
      const event = toCloudEvent(d.event);
      expect(event).toMatchObject({
        type: 'cn.liudong.registration.reported',
        source: '/liudong/bj-prod/jurisdictions/110105001',
        dataschema: 'https://api.example.cn/v1/events/schemas/cn.liudong.registration.reported',
      });
      expect(eventSpec(event.type as string)!.data.safeParse(event.data).success).toBe(true);
    } finally {
      delete process.env.DEPLOYMENT_NAME;
      delete process.env.API_URL;
    }
  });

  it("gives an agency only the personal fields its purpose allows", () => {
    const data = { caseId: 'c', person: { name: '张三', idNumber: '11010519491231002X' }, arrivalDate: '2026-11-20' };
    const personal = eventSpec('registration.reported')!.personal;
    expect(minimise(data, personal, EVENT_PURPOSES.law_enforcement)).toEqual(data);
    expect(minimise(data, personal, EVENT_PURPOSES.housing)).toEqual({ caseId: 'c', person: { name: '张三' }, arrivalDate: '2026-11-20' });
    expect(minimise(data, personal, EVENT_PURPOSES.statistics)).toEqual({ caseId: 'c', arrivalDate: '2026-11-20' });
    expect(data.person.idNumber).toBe('11010519491231002X');
  });
});
