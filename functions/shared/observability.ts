// Powertools logger and metrics, shared by every function. Every string a log line carries (a
// message, an attribute, an error's message and stack) has ID and phone numbers masked.
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { redactText } from '../../core/masking.ts';

/** The logger's JSON replacer: personal numbers never reach a log line. */
export const redactPersonalData = (_key: string, value: unknown): unknown => {
  if (typeof value === 'string') return redactText(value);
  if (value instanceof Error) return { name: value.name, message: redactText(value.message), ...(value.stack ? { stack: redactText(value.stack) } : {}) };
  return value;
};

export const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'liudong', jsonReplacerFn: redactPersonalData });
// CloudWatch metrics as EMF log lines (namespace liudong); the local stack disables them.
export const metrics = new Metrics({ namespace: 'liudong', serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'liudong' });
