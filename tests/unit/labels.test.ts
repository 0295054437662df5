// The console speaks its users' language: every code the API names (each enum value of the
// OpenAPI document, each workflow state and action, each event, rate, policy setting and audit
// purpose) has a label in Chinese and in English in web/src/labels.ts. A value added to the API
// without one fails here.
import { describe, expect, it } from 'vitest';
import { ROUTE_RULES } from '../../functions/api/registry.ts';
import { EVENT_CATALOGUE, EVENT_PURPOSES } from '../../core/events.ts';
import { DEFAULT_POLICY, POLICY_SETTINGS, resolvePolicyWithSources } from '../../core/policy.ts';
import { RATE_DEFINITIONS } from '../../core/statistics/definitions.ts';
import { actionPath } from '../../core/workflows/index.ts';
import { actionLabel, eventLabel, labelOf, purposeLabel, settingValue } from '../../web/src/labels.ts';
import { WORDS } from '../../web/src/i18n.ts';
import { WORKFLOW_ACTIONS, WORKFLOW_STATES, openApiEnumValues } from '../support/api-words.ts';

const LANGS = ['zh', 'en'] as const;
/** Values without a label in a language, or (in Chinese) with the value itself as its label. */
const unlabelled = (values: Iterable<string>, context?: Parameters<typeof labelOf>[2]) =>
  LANGS.flatMap((lang) => [...values].filter((v) => !labelOf(lang, v, context) || (lang === 'zh' && labelOf(lang, v, context) === v)).map((v) => `${lang}: ${v}`));

/** Latin words left in a Chinese text: an API code shown raw. */
const latinWords = (text: string) => text.match(/[A-Za-z_]{2,}/g) ?? [];

describe("the console's labels", () => {
  it('name every enum value of the OpenAPI document, in both languages', () => {
    const values = openApiEnumValues();
    expect(values.size).toBeGreaterThan(100);
    const missing = unlabelled(values.keys()).map((m) => `${m} (${values.get(m.split(': ')[1]!)!.join(', ')})`);
    expect(missing).toEqual([]);
  });

  it('name the values being added beside this: a skipped message, a calendar from a notice or the statutory rules', () => {
    expect(unlabelled(['skipped', 'notice', 'statutory'])).toEqual([]);
    expect(LANGS.map((lang) => ['skipped', 'notice', 'statutory'].map((v) => labelOf(lang, v)))).toEqual([
      ['已跳过', '国务院通知', '按法定节日推算'],
      ['Skipped', 'State Council notice', 'Computed from the statutory holidays'],
    ]);
  });

  it('name every state and action of every workflow table (actions as the routes spell them too)', () => {
    expect(unlabelled(WORKFLOW_STATES)).toEqual([]);
    const spellings = WORKFLOW_ACTIONS.flatMap((a) => [a, actionPath(a)]);
    expect(LANGS.flatMap((lang) => spellings.filter((a) => [a, a.replace(/-/g, '_')].includes(actionLabel(lang, a))).map((a) => `${lang}: ${a}`))).toEqual([]);
    expect(actionLabel('zh', 'request-supplement')).toBe('要求补充材料');
  });

  it('name every event of the catalogue, and the patterns a subscription names them by', () => {
    const parts = EVENT_CATALOGUE.map((e) => e.type.replace(/^cn\.liudong\./, '')).map((t) => [t.slice(0, t.lastIndexOf('.')), t.slice(t.lastIndexOf('.') + 1)] as const);
    expect(unlabelled(new Set(parts.map(([subject]) => subject)))).toEqual([]);
    expect(unlabelled(new Set(parts.map(([, event]) => event)), 'event')).toEqual([]);
    expect(EVENT_CATALOGUE.map((e) => eventLabel('zh', e.type)).filter((words) => latinWords(words).length > 0)).toEqual([]);
    expect(eventLabel('zh', 'cn.liudong.registration.verified')).toBe('居住登记 · 核验通过');
    expect(eventLabel('zh', 'registration.*')).toBe('居住登记 · 全部事件');
    expect(eventLabel('en', '*')).toBe('every event');
  });

  it("call every completeness rate what core/statistics/definitions.ts calls it", () => {
    expect(RATE_DEFINITIONS.map((r) => [labelOf('zh', r.id), labelOf('en', r.id)])).toEqual(RATE_DEFINITIONS.map((r) => [r.nameZh, r.name]));
  });

  it('name every policy setting, and give each value in force in words', () => {
    expect(unlabelled(POLICY_SETTINGS.map((s) => `setting.${s}`))).toEqual([]);
    // As the administrator's screen shows them: the defaults, the national calendar added.
    const inForce = resolvePolicyWithSources('110105001', {}).policy;
    const words = POLICY_SETTINGS.flatMap((s) => [[s, settingValue('zh', DEFAULT_POLICY[s], s)], [s, settingValue('zh', inForce[s], s)]] as const);
    expect(words.filter(([, text]) => latinWords(text).length > 0)).toEqual([]);
    expect(settingValue('zh', DEFAULT_POLICY.registration)).toBe('10 自然日');
    expect(settingValue('zh', DEFAULT_POLICY.completenessTarget, 'completenessTarget')).toBe('95%');
  });

  it("name every purpose the audit records (the person's access log shows them)", () => {
    const purposes = new Set(Object.values(ROUTE_RULES).map((r) => r.purpose));
    expect(unlabelled([...purposes].map((p) => `purpose.${p}`))).toEqual([]);
    expect(Object.keys(EVENT_PURPOSES).map((p) => purposeLabel('zh', `event subscription (${p})`)).filter((text) => latinWords(text).length > 0)).toEqual([]);
  });

  it('are words, not codes: no Chinese label or word holds a Latin word but for CSV, JSON, SMS, URL and a certificate number', () => {
    const allowed = new Set(['CSV', 'JSON', 'SMS', 'URL', 'English', 'OC', 'VC']);
    const values = [...openApiEnumValues().keys(), ...WORKFLOW_STATES].map((v) => labelOf('zh', v) ?? '');
    // An example certificate number and a placeholder filled in ({seconds}) are no words.
    const words = Object.values(WORDS).map(([zh]) => zh.replace(/VC(-[0-9A-Z]{4}){3}|\{\w+\}/g, ''));
    expect([...values, ...words].flatMap(latinWords).filter((w) => !allowed.has(w))).toEqual([]);
  });
});
