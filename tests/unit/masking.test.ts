// Masking and log redaction: ID and phone numbers keep their ends and lose their middles, in
// responses to come and in every log line now.
import { Logger } from '@aws-lambda-powertools/logger';
import { describe, expect, it, vi } from 'vitest';
import { maskIdNumber, maskPhone, redactText } from '../../core/masking.ts';
import { redactPersonalData } from '../../functions/shared/observability.ts';

describe('masking', () => {
  it('keeps the ends of ID and phone numbers', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
    expect(maskPhone('13800138000')).toBe('138****8000');
  });

  it('finds them in any text, and leaves other numbers alone', () => {
    expect(redactText('张三 11010519491231002X 电话13800138000，+86 13900139000')).toBe('张三 110105********002X 电话138****8000，139****9000');
    // A timestamp, a uuid, a longer run of digits: not personal numbers.
    const other = '2026-11-29T02:00:00.000Z 7d4b3f3e-4c5a-4b0e-9a51-2f0e8d1c6a10 1234567890123456789012';
    expect(redactText(other)).toBe(other);
  });

  it('keeps them out of every log line: message, attributes and errors', () => {
    const lines: string[] = [];
    const capture = (chunk: string | Uint8Array) => (lines.push(String(chunk)), true);
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(capture);
    const writeError = vi.spyOn(process.stderr, 'write').mockImplementation(capture);
    try {
      const logger = new Logger({ serviceName: 'test', logLevel: 'INFO', jsonReplacerFn: redactPersonalData });
      logger.info('reported 11010519491231002X', { person: { idNumber: '11010519491231002X', phone: '13800138000' } });
      logger.error('failed', new Error('duplicate 11010519491231002X at 13800138000'));
    } finally {
      write.mockRestore();
      writeError.mockRestore();
    }
    const out = lines.join('');
    expect(lines).toHaveLength(2);
    expect(out).toContain('"message":"duplicate 110105********002X at 138****8000"');
    expect(out).toContain('110105********002X');
    expect(out).toContain('138****8000');
    expect(out).not.toContain('11010519491231002X');
    expect(out).not.toContain('13800138000');
  });
});
