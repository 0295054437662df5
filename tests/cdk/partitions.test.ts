// The deployment where its users are: pinned regions synthesise clean (cdk-nag and CloudFormation's
// own validation of every resource type against the region), and in AWS's China regions nothing of
// a service missing there is deployed: an OpenID issuer stands in for Cognito, an SMTP relay for
// SES, an HTTP gateway for SNS SMS, and the console is served on the operator's ICP-recorded domain.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Template } from 'aws-cdk-lib/assertions';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../lib/app.ts';
import { STACKS } from '../../lib/deployment.ts';
import { profileFor } from '../../lib/profile.ts';
import { ensureConsoleBuilt } from '../../local/console.ts';
import { CHINA } from '../support/china.ts';
import { runChild } from '../support/child.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

await ensureConsoleBuilt();
const outdirs: string[] = [];
afterAll(() => outdirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** In process, without bundling (tests/cdk/synth.test.ts bundles as the CLI does). */
function synthesised(context: Record<string, string>) {
  const outdir = mkdtempSync(path.join(os.tmpdir(), 'liudong-partition-'));
  outdirs.push(outdir);
  const { app, deployment } = buildApp({ outdir, context: { 'aws:cdk:bundling-stacks': [], ...context } });
  app.synth();
  return { deployment, templates: STACKS.map((role) => Template.fromStack(deployment.stacks[role]).toJSON()) };
}


describe('a pinned region', () => {
  it('synthesises clean in another commercial region with an explicit account', () => {
    const { deployment } = synthesised({ region: 'ap-southeast-1', account: '123456789012' });
    expect(deployment.stacks.Data.region).toBe('ap-southeast-1');
  });

  it('where SES is not offered (ap-east-1), deploys with an SMTP relay instead, and says what is wanting without one', () => {
    // CloudFormation's own check of each resource type against the region runs in every synth: SES is refused there.
    expect(() => synthesised({ region: 'ap-east-1', account: '123456789012' })).toThrow(/AWS::SES::EmailIdentity' does not exist in 'ap-east-1'/);
    expect(() => synthesised({ region: 'ap-east-1', account: '123456789012', email: 'smtp' })).toThrow(/-c smtpHost=…[\s\S]*-c smtpSecret=…[\s\S]*-c messagesFrom=…/);
    const { templates } = synthesised({ region: 'ap-east-1', account: '123456789012', email: 'smtp', smtpHost: 'smtp.example.hk', smtpSecret: 'liudong/smtp', messagesFrom: 'noreply@liudong.example.hk' });
    expect(JSON.stringify(templates)).not.toContain('AWS::SES::');
  });
});

describe("AWS's China regions (aws-cn)", () => {
  it('refuses to synthesise without what stands in for the services China lacks, naming each', () => {
    expect(() => profileFor('cn-northwest-1', () => undefined)).toThrow(
      /aws-cn deployment in cn-northwest-1 needs:[\s\S]*oidcIssuer[\s\S]*oidcAudience[\s\S]*smtpHost[\s\S]*smtpSecret[\s\S]*smsUrl[\s\S]*smsSecret[\s\S]*consoleDomain[\s\S]*consoleCertificate/,
    );
  });

  it('says so in those lines alone when the CDK CLI runs the app, with no stack trace', async () => {
    // The app as `cdk synth` starts it: context in CDK_CONTEXT_JSON, the assembly to CDK_OUTDIR.
    const outdir = mkdtempSync(path.join(os.tmpdir(), 'liudong-partition-'));
    outdirs.push(outdir);
    const ran = await runChild(path.join(ROOT, 'node_modules/.bin/tsx'), ['bin/liudong.ts'], {
      cwd: ROOT,
      env: { ...process.env, CDK_CONTEXT_JSON: JSON.stringify({ region: 'cn-northwest-1', account: '123456789012' }), CDK_OUTDIR: outdir },
    });
    expect(ran.code).toBe(1);
    expect(ran.stderr.trim().split('\n')[0]).toBe('The aws-cn deployment in cn-northwest-1 needs:');
    expect(ran.stderr).not.toMatch(/\bat \w+ \(|ProfileError/);
  });

  const { deployment, templates } = synthesised(CHINA);
  const all = JSON.stringify(templates);
  const types = new Set(templates.flatMap((t) => Object.values(t.Resources as Record<string, { Type: string }>).map((r) => r.Type)));

  it('turns off what Lambda lacks there (X-Ray tracing), and trusts no viewer address without the edge function that writes it', () => {
    const functions = templates.flatMap((t) => Object.values(t.Resources as Record<string, { Type: string; Properties: Record<string, any> }>)).filter((r) => r.Type === 'AWS::Lambda::Function' && r.Properties.Runtime === 'nodejs22.x');
    expect(functions.length).toBeGreaterThan(0);
    expect(functions.filter((f) => f.Properties.TracingConfig?.Mode === 'Active')).toEqual([]);
    expect(all).not.toContain('xray:PutTraceSegments');
    expect(functions.filter((f) => f.Properties.Environment?.Variables?.ORIGIN_VERIFY)).toEqual([]);
  });

  it('deploys no resource of a service missing there', () => {
    const missing = [...types].filter((t) => /^AWS::(Cognito|SES)::|^AWS::CloudFront::(Function|OriginAccessControl)$/.test(t));
    expect(missing).toEqual([]);
    expect(all).not.toMatch(/"sns:Publish"|"ses:SendEmail"/);
    // The cloud's own validation of every type against cn-north-1 passed in app.synth(); the stacks are all there.
    expect(types).toContain('AWS::Lambda::Function');
    expect(types).toContain('AWS::CloudFront::Distribution');
  });

  it('writes every ARN and endpoint in the aws-cn partition', () => {
    expect(deployment.stacks.Functions.partition).toBe('aws-cn');
    expect(all).not.toMatch(/arn:aws:/);
    expect(all).toMatch(/arn:aws-cn:dynamodb:cn-north-1:123456789012:table\/liudong-cases/);
    // Endpoints take the partition's suffix (amazonaws.com.cn there) from the pseudo parameter: no
    // endpoint is written with the global suffix (service principals keep their names, as CDK writes them).
    expect(all).not.toMatch(/(https:\/\/|execute-api\.|cognito-idp\.)[^"]*amazonaws\.com(?!\.cn)/);
    expect(all).toMatch(/"\.execute-api\.cn-north-1\.",\{"Ref":"AWS::URLSuffix"\}/);
  });

  it('verifies tokens from the OpenID issuer, reads its claim names, and sends through the relay and the gateway', () => {
    const [authorizer] = templates.flatMap((t) => Object.values(t.Resources as Record<string, { Type: string; Properties: Record<string, any> }>)).filter((r) => r.Type === 'AWS::ApiGatewayV2::Authorizer');
    expect(authorizer!.Properties.JwtConfiguration).toEqual({ Issuer: CHINA.oidcIssuer, Audience: [CHINA.oidcAudience] });
    const variables = templates
      .flatMap((t) => Object.values(t.Resources as Record<string, { Type: string; Properties: Record<string, any> }>))
      .filter((r) => r.Type === 'AWS::Lambda::Function' && r.Properties.Runtime === 'nodejs22.x')
      .map((r) => r.Properties.Environment.Variables as Record<string, unknown>);
    // README's command renames role and jurisdiction; the others keep Cognito's names.
    expect(CHINA.oidcClaims).toBe('role=liudong_role,jurisdiction=org_code');
    expect(variables.every((v) => v.CLAIM_ROLE === 'liudong_role' && v.CLAIM_JURISDICTION === 'org_code' && v.CLAIM_ID_NUMBER === 'custom:id_number')).toBe(true);
    const senders = variables.filter((v) => v.EMAIL_CHANNEL);
    expect(senders.length).toBeGreaterThan(0);
    for (const v of senders) {
      expect(v).toMatchObject({ EMAIL_CHANNEL: 'smtp', SMTP_HOST: CHINA.smtpHost, SMTP_SECRET_ARN: CHINA.smtpSecret, SMS_CHANNEL: 'http', SMS_URL: CHINA.smsUrl, SMS_SECRET_ARN: CHINA.smsSecret });
    }
    expect(all).toContain(`secret:${CHINA.smtpSecret}-??????`);
    expect(all).toContain(`secret:${CHINA.smsSecret}-??????`);
  });

  it('serves the console on the ICP-recorded domain with its IAM certificate, and signs in at the issuer', () => {
    const distribution = templates
      .flatMap((t) => Object.values(t.Resources as Record<string, { Type: string; Properties: Record<string, any> }>))
      .find((r) => r.Type === 'AWS::CloudFront::Distribution')!.Properties.DistributionConfig;
    expect(distribution.Aliases).toEqual([CHINA.consoleDomain]);
    expect(distribution.ViewerCertificate).toMatchObject({ IamCertificateId: CHINA.consoleCertificate, SslSupportMethod: 'sni-only' });
    expect(deployment.console.url).toBe(`https://${CHINA.consoleDomain}/`);
    expect(all).toContain(`connect-src 'self' ${new URL(CHINA.oidcIssuer!).origin}`);
  });
});
