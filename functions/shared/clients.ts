// AWS clients, created once per execution environment. Endpoints come from the standard
// AWS_ENDPOINT_URL_* variables, which the local stack sets; in AWS they are unset.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { SQSClient } from '@aws-sdk/client-sqs';

let dynamo: DynamoDBClient | undefined;
let document: DynamoDBDocumentClient | undefined;
let sqs: SQSClient | undefined;

export const dynamoClient = () => (dynamo ??= new DynamoDBClient({}));
export const documentClient = () =>
  (document ??= DynamoDBDocumentClient.from(dynamoClient(), {
    marshallOptions: { removeUndefinedValues: true },
  }));
// The queue URL names the queue; the endpoint comes from configuration (the local stack's differs).
export const sqsClient = () => (sqs ??= new SQSClient({ useQueueUrlAsEndpoint: false }));
