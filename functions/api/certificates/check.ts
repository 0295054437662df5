// GET /v1/certificates/{number}: the public check for employers, landlords and agencies
// (§13, §16, §17). It answers validity and, given an ID number, whether the holder matches:
// nothing else. Each caller (source address) is rate-limited, so guessing numbers is slow. Behind
// the console's CloudFront distribution the source is the edge, so the viewer's address comes
// from the header the distribution sets, trusted only beside the distribution's secret (wiring/console.ts).
import { localDate } from '../../../core/calendar.ts';
import { certificateStatus } from '../../../core/certificates.ts';
import { notFound } from '../../../core/errors.ts';
import { json, route } from '../../shared/http.ts';
import { limitCaller } from '../../shared/rate-limit.ts';
import { ORIGIN_VERIFY_HEADER, VIEWER_ADDRESS_HEADER } from '../../../wiring/console.ts';
import { holderHash } from '../../shared/store/case-codec.ts';
import { getCertificateRecord } from '../../shared/store/certificates.ts';
import { checkCertificate } from './routes.ts';

const PER_MINUTE = Number(process.env.CERTIFICATE_CHECKS_PER_MINUTE ?? 30);

export const handler = route(checkCertificate, async ({ params, query, event, now }) => {
  const secret = process.env.ORIGIN_VERIFY;
  const viaDistribution = secret !== undefined && secret !== '' && event.headers[ORIGIN_VERIFY_HEADER] === secret;
  const caller = (viaDistribution && event.headers[VIEWER_ADDRESS_HEADER]) || event.requestContext.http.sourceIp;
  await limitCaller(`check#${caller}`, PER_MINUTE, 'certificate checks');
  const { number } = params;
  const record = await getCertificateRecord(number);
  if (!record) throw notFound(`no certificate ${number}`);
  return json(
    200,
    {
      kind: record.kind,
      status: certificateStatus(record, localDate(now)),
      validFrom: record.validFrom,
      validUntil: record.validUntil,
      ...(query.idNumber ? { holderMatches: (await holderHash(query.idNumber)) === record.holder } : {}),
    },
    { 'cache-control': 'no-store' },
  );
});
