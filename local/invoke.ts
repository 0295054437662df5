// Loads a function module named in wiring/ and invokes its handler the way Lambda would:
// a fresh context per invocation, the configured timeout enforced.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Context } from 'aws-lambda';
import { type FunctionName, functions } from '../wiring/index.ts';
import { PROJECT_ROOT } from './paths.ts';

type Handler = (event: unknown, context: Context) => Promise<unknown>;
const loaded = new Map<FunctionName, Promise<Handler>>();

export function loadHandler(name: FunctionName): Promise<Handler> {
  let handler = loaded.get(name);
  if (!handler) {
    const file = pathToFileURL(path.join(PROJECT_ROOT, functions[name].entry)).href;
    handler = import(file).then((module: { handler?: Handler }) => {
      if (typeof module.handler !== 'function') throw new Error(`${functions[name].entry} exports no handler`);
      return module.handler;
    });
    loaded.set(name, handler);
  }
  return handler;
}

export const functionName = (name: FunctionName) => `liudong-local-${name}`;

export async function invoke(name: FunctionName, event: unknown): Promise<unknown> {
  const handler = await loadHandler(name);
  const timeoutMs = functions[name].timeoutSeconds * 1000;
  const started = Date.now();
  const context: Context = {
    callbackWaitsForEmptyEventLoop: false,
    functionName: functionName(name),
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:us-east-1:000000000000:function:${functionName(name)}`,
    memoryLimitInMB: String(functions[name].memoryMb),
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${functionName(name)}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, timeoutMs - (Date.now() - started)),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${name} timed out after ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    return await Promise.race([handler(event, context), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
