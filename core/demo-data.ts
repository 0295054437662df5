// Demo jurisdictions loaded on the local stack's first start: two provinces with a
// prefecture, counties and township offices each.
import type { Jurisdiction } from './jurisdiction.ts';
import { levelOf } from './jurisdiction.ts';
import { DEFAULT_POLICY, type PolicyOverride } from './policy.ts';

const named = (code: string, name: string): Jurisdiction => ({ code, name, level: levelOf(code) });

export const DEMO_JURISDICTIONS: Jurisdiction[] = [
  named('11', '北京市'),
  named('1101', '北京市市辖区'),
  named('110105', '朝阳区'),
  named('110105001', '建外街道'),
  named('110105002', '朝外街道'),
  named('110108', '海淀区'),
  named('110108001', '万寿路街道'),
  named('51', '四川省'),
  named('5113', '南充市'),
  named('511321', '南部县'),
  named('511321100', '南隆镇'),
  named('511321101', '大桥镇'),
  named('5101', '成都市'),
  named('510104', '锦江区'),
  named('510104001', '督院街街道'),
];

/**
 * Policy by code prefix. The empty prefix stores the defaults, so operators see every setting
 * in the table and change it there; longer prefixes override it setting by setting.
 */
export const DEMO_POLICIES: Record<string, PolicyOverride> = {
  '': DEFAULT_POLICY,
};
