// cdk-nag findings acknowledged on purpose, each by its full id, with the reason.
import { Validations } from 'aws-cdk-lib';
import { schedules } from '../wiring/index.ts';
import type { LiudongStack } from './liudong-stack.ts';

export function acknowledgeFindings(stack: LiudongStack): void {
  for (const fn of Object.values(stack.functions)) {
    Validations.of(fn).acknowledge({
      id: 'AwsSolutions-L1',
      reason: 'Lambda runs nodejs22.x on purpose: the project pins Node 22 for its scripts and tests (node@22 devDependency).',
    });
  }
  for (const fn of Object.values(stack.functions)) {
    const role = fn.role!;
    Validations.of(role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: 'X-Ray tracing: xray:PutTraceSegments and xray:PutTelemetryRecords support no resource-level permissions.',
    });
    Validations.of(role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${stack.getLogicalId(stack.tables.cases.node.defaultChild as never)}.Arn>/index/*]`,
      reason: 'Grants on the cases table include its indexes (gsi1 for the deadline sweep), named by the table grant.',
    });
  }
  for (const spec of schedules) {
    const fn = stack.functions[spec.function];
    Validations.of(stack.schedulerRole).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${stack.getLogicalId(fn.node.defaultChild as never)}.Arn>:*]`,
      reason: 'EventBridge Scheduler may invoke any version or alias of the scheduled function it targets.',
    });
  }
  for (const queue of Object.values(stack.holdingQueues)) {
    Validations.of(queue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'A holding queue is itself where failures end (an on-failure destination), read by operators, not a worker.',
    });
  }
  for (const route of stack.publicRoutes) {
    Validations.of(route).acknowledge({
      id: 'AwsSolutions-APIG4',
      reason: 'GET /v1/openapi.json is the public API description; it reveals no case data.',
    });
  }
}
