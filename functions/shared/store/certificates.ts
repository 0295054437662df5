// The public face of certificates (CERT#<number>), agencies' decisions against them, and the
// per-caller counter that rate-limits the public check.
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Certificate, CertificateKind } from '../../../core/certificates.ts';
import type { DomainEvent } from '../../../core/workflows/engine.ts';
import type { AgencyDecision } from '../../../core/workflows/index.ts';
import { documentClient } from '../clients.ts';
import { writeRecorded } from '../idempotency.ts';
import { tableName } from '../env.ts';
import { caseRows, outboxItem } from './cases.ts';
import { withoutKeys } from './paging.ts';

export interface CertificateRecord extends Certificate {
  kind: CertificateKind;
  caseId: string;
  /** Hash of the holder's ID number: enough to answer "does it belong to this person". */
  holder: string;
}

export async function getCertificateRecord(number: string): Promise<CertificateRecord | undefined> {
  const result = await documentClient().send(
    new GetCommand({ TableName: tableName('cases'), Key: { pk: `CERT#${number}`, sk: 'CERTIFICATE' } }),
  );
  return result.Item ? withoutKeys<CertificateRecord>(result.Item) : undefined;
}

/** Records an agency's decision on the case behind a certificate, and its event, together. */
export async function recordAgencyDecision(caseId: string, decision: AgencyDecision, event: DomainEvent): Promise<void> {
  const table = tableName('cases');
  const sk = `DECISION#${decision.at}#${decision.id}`;
  await writeRecorded(
    [
      { Put: { TableName: table, Item: { pk: `CASE#${caseId}`, sk, entity: 'agency_decision', ...decision }, ConditionExpression: 'attribute_not_exists(pk)' } },
      { Put: { TableName: table, Item: outboxItem(event), ConditionExpression: 'attribute_not_exists(pk)' } },
    ],
    { kind: 'decision', id: `${caseId}/${sk}` },
  );
}

/** One agency decision by its case and row, as recorded. */
export async function getAgencyDecision(caseId: string, sk: string): Promise<AgencyDecision | undefined> {
  const found = await documentClient().send(new GetCommand({ TableName: tableName('cases'), Key: { pk: `CASE#${caseId}`, sk } }));
  return found.Item ? withoutKeys<AgencyDecision>(found.Item) : undefined;
}

/** Agencies' decisions against the case's certificate, oldest first. */
export const agencyDecisions = (caseId: string) => caseRows<AgencyDecision>(caseId, 'DECISION#');

