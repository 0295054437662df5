// AWS clients, created once per execution environment. Endpoints come from the standard
// AWS_ENDPOINT_URL_* variables, which the local stack sets; in AWS they are unset.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { SQSClient } from '@aws-sdk/client-sqs';
import { S3Client } from '@aws-sdk/client-s3';

let dynamo: DynamoDBClient | undefined;
let document: DynamoDBDocumentClient | undefined;
let sqs: SQSClient | undefined;
let s3: S3Client | undefined;
let uploads: S3Client | undefined;

export const dynamoClient = () => (dynamo ??= new DynamoDBClient({}));
export const documentClient = () =>
  (document ??= DynamoDBDocumentClient.from(dynamoClient(), {
    marshallOptions: { removeUndefinedValues: true },
  }));
// The queue URL names the queue; the endpoint comes from configuration (the local stack's differs).
export const sqsClient = () => (sqs ??= new SQSClient({ useQueueUrlAsEndpoint: false }));
// Path-style addressing where an endpoint is configured (the local stack's S3 is on one host and port).
export const s3Client = () => (s3 ??= new S3Client({ forcePathStyle: process.env.AWS_ENDPOINT_URL_S3 !== undefined }));
/**
 * Signs the URLs browsers and filers upload to: S3 itself in AWS. The local stack names a path on
 * its own origin (UPLOAD_ENDPOINT_URL) that passes to its S3, which a browser could not reach.
 */
export const uploadSigner = () =>
  (uploads ??= new S3Client({
    // The URL is signed before the file exists: no checksum of an empty body in it.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    ...(process.env.UPLOAD_ENDPOINT_URL ? { endpoint: process.env.UPLOAD_ENDPOINT_URL, forcePathStyle: true } : { forcePathStyle: process.env.AWS_ENDPOINT_URL_S3 !== undefined }),
  }));
