// The public face of certificates, and agencies' decisions against them.
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Certificate, CertificateKind } from '../../../core/certificates.ts';
import type { DomainEvent } from '../../../core/workflows/engine.ts';
import type { AgencyDecision } from '../../../core/workflows/index.ts';
import { documentClient } from '../clients.ts';
import { writeRecorded } from '../idempotency.ts';
import { tableName } from '../env.ts';
import { outboxItem } from './case-codec.ts';
import { caseRows } from './cases.ts';
import { DECISION_PREFIX, casePartition, certificateKey, decisionKey } from './keys.ts';
import { withoutKeys } from './paging.ts';

export interface CertificateRecord extends Certificate {
  kind: CertificateKind;
  caseId: string;
  /** Hash of the holder's ID number: enough to answer "does it belong to this person". */
  holder: string;
}

export async function getCertificateRecord(number: string): Promise<CertificateRecord | undefined> {
  const result = await documentClient().send(
    new GetCommand({ TableName: tableName('cases'), Key: certificateKey(number) }),
  );
  return result.Item ? withoutKeys<CertificateRecord>(result.Item) : undefined;
}

/** Records an agency's decision on the case behind a certificate, and its event, together. */
export async function recordAgencyDecision(caseId: string, decision: AgencyDecision, event: DomainEvent): Promise<void> {
  const table = tableName('cases');
  const { pk, sk } = decisionKey(caseId, decision.at, decision.id);
  await writeRecorded(
    [
      { Put: { TableName: table, Item: { pk, sk, entity: 'agency_decision', ...decision }, ConditionExpression: 'attribute_not_exists(pk)' } },
      { Put: { TableName: table, Item: outboxItem(event), ConditionExpression: 'attribute_not_exists(pk)' } },
    ],
    { kind: 'decision', id: `${caseId}/${sk}` },
  );
}

/** One agency decision by its case and row, as recorded. */
export async function getAgencyDecision(caseId: string, sk: string): Promise<AgencyDecision | undefined> {
  const found = await documentClient().send(new GetCommand({ TableName: tableName('cases'), Key: { pk: casePartition(caseId), sk } }));
  return found.Item ? withoutKeys<AgencyDecision>(found.Item) : undefined;
}

/** Agencies' decisions against the case's certificate, oldest first. */
export const agencyDecisions = (caseId: string) => caseRows<AgencyDecision>(caseId, DECISION_PREFIX);

