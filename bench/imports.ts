// npm run bench:imports (and the second half of npm run bench): bulk filings through the local
// stack. Import throughput for a 5,000-row file (upload → S3 notification → reader → chunks →
// registrations), and the peak memory of the reader worker's work on a 200,000-row file
// (streamed from the local S3, read, checked for duplicates and cut into chunks).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CompleteMultipartUploadCommand, CreateMultipartUploadCommand, GetObjectCommand, UploadPartCommand } from '@aws-sdk/client-s3';
import { addCalendarDays } from '../core/calendar.ts';
import { checkCharacter } from '../core/id-number.ts';
import { IMPORT_CHUNK_ROWS, duplicateMarker, readImportFile } from '../core/imports.ts';
import { s3Client } from '../functions/shared/clients.ts';
import { importFile } from '../local/import-file.ts';
import { localBucketName } from '../local/s3.ts';
import { startLocalStack } from '../local/stack.ts';

process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
const stack = await startLocalStack({ onError: (e) => console.error(e) });
const dir = mkdtempSync(path.join(os.tmpdir(), 'liudong-bench-'));

const idNumber = (i: number) => {
  const first17 = `110105${addCalendarDays('1960-01-01', Math.floor(i / 900)).replace(/-/g, '')}${String(i % 900).padStart(3, '0')}`;
  return first17 + checkCharacter(first17);
};
const csv = (rows: number) => {
  const lines = ['姓名,身份证号,手机号,户籍地代码,到达日期,预计居住天数,住所'];
  for (let i = 0; i < rows; i++) lines.push(`工人${i},${idNumber(i)},13800${String(i % 1e6).padStart(6, '0')},511321100,2026-11-20,180,"厂区宿舍${i % 40}号楼"`);
  return `${lines.join('\r\n')}\r\n`;
};

try {
  // Throughput: the whole pipeline, timed from the upload request to `done`.
  const small = path.join(dir, 'staff-5000.csv');
  writeFileSync(small, csv(5000));
  const token = await stack.issuer.sign({ role: 'caseworker', jurisdiction: '110105001' });
  const started = performance.now();
  const outcome = await importFile({ apiUrl: stack.apiUrl, token, file: small, destinationCode: '110105001', pollMs: 100 });
  const seconds = (performance.now() - started) / 1000;

  // Memory: the reader's work on 200,000 rows, streamed from S3, sampled while it runs.
  const big = csv(200_000);
  const key = 'uploads/bench-200000.csv';
  // In 8 MB parts: the local S3 takes at most 11 MiB in one request.
  const Bucket = localBucketName('imports');
  const Key = `bench/${key}`;
  const bytes = Buffer.from(big);
  const { UploadId } = await s3Client().send(new CreateMultipartUploadCommand({ Bucket, Key }));
  const parts = [];
  for (let offset = 0, n = 1; offset < bytes.length; offset += 8 * 1024 * 1024, n++) {
    const part = await s3Client().send(new UploadPartCommand({ Bucket, Key, UploadId, PartNumber: n, Body: bytes.subarray(offset, offset + 8 * 1024 * 1024) }));
    parts.push({ ETag: part.ETag, PartNumber: n });
  }
  await s3Client().send(new CompleteMultipartUploadCommand({ Bucket, Key, UploadId, MultipartUpload: { Parts: parts } }));
  const open = async function* () {
    const object = await s3Client().send(new GetObjectCommand({ Bucket: localBucketName('imports'), Key: `bench/${key}` }));
    yield* object.Body as AsyncIterable<Uint8Array>;
  };
  const baseline = process.memoryUsage();
  let peakHeap = 0;
  let peakRss = 0;
  const sample = setInterval(() => {
    const m = process.memoryUsage();
    peakHeap = Math.max(peakHeap, m.heapUsed - baseline.heapUsed);
    peakRss = Math.max(peakRss, m.rss - baseline.rss);
  }, 20);
  const readStarted = performance.now();
  let rows = 0;
  let chunks = 0;
  let current = 0;
  const mark = duplicateMarker();
  for await (const row of readImportFile(open)) {
    mark(row);
    rows++;
    if (++current === IMPORT_CHUNK_ROWS) {
      chunks++;
      current = 0;
    }
  }
  const readSeconds = (performance.now() - readStarted) / 1000;
  clearInterval(sample);

  const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
  console.log(`
liudong bench: bulk filings through the local stack (Node ${process.version})

  5,000-row file, upload to done
    outcome                                   ${outcome.state}: ${outcome.created} created, ${outcome.updated} updated, ${outcome.failed} failed
    seconds                                   ${seconds.toFixed(1)}
    rows/s                                    ${(5000 / seconds).toFixed(1)}

  200,000-row file (${mb(Buffer.byteLength(big))} MB), the reader worker's work
    rows read, chunks cut                     ${rows}, ${chunks + (current > 0 ? 1 : 0)}
    seconds                                   ${readSeconds.toFixed(1)}
    peak heap above baseline (MB)             ${mb(peakHeap)}
    peak RSS above baseline (MB)              ${mb(peakRss)}

  One process plays every function here; the peak is that process's growth while the reader
  runs. Registrations are written one transaction per row, sixteen rows of a chunk at a time.`);
} finally {
  rmSync(dir, { recursive: true, force: true });
  await stack.stop();
}
