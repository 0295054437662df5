// Powertools logger and metrics, shared by every function.
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';

export const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'liudong' });
// CloudWatch metrics as EMF log lines (namespace liudong); the local stack disables them.
export const metrics = new Metrics({ namespace: 'liudong', serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'liudong' });
