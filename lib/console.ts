// The web console in AWS: web/dist in a private bucket behind CloudFront (origin access control),
// the API on the same distribution under /v1 (one origin: no CORS), the security headers of
// wiring/console.ts on every answer, and sign-in through Cognito's hosted UI (authorization code
// with PKCE, configured by the config.json deployed beside the console).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Aws, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AllowedMethods,
  CachePolicy,
  type CfnDistribution,
  Distribution,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  Function as EdgeFunction,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  OriginSslPolicy,
  ResponseHeadersPolicy,
  type ResponseSecurityHeadersBehavior,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { ClientAttributes, type IUserPool, OAuthScope, UserPoolClient, UserPoolClientIdentityProvider, UserPoolDomain } from 'aws-cdk-lib/aws-cognito';
import { BlockPublicAccess, Bucket, BucketEncryption, type IBucket, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import {
  CONSOLE_CONFIG_PATH,
  CONSOLE_HSTS_SECONDS,
  CONSOLE_SCOPE,
  type ConsoleConfig,
  ORIGIN_VERIFY_HEADER,
  VIEWER_ADDRESS_HEADER,
  consoleContentSecurityPolicy,
} from '../wiring/console.ts';

/** The viewer-request function on /v1: the viewer's address in a header nobody else can set. */
export const VIEWER_ADDRESS_FUNCTION = `function handler(event) {
  event.request.headers['${VIEWER_ADDRESS_HEADER}'] = { value: event.viewer.ip };
  return event.request;
}`;

export interface ConsoleHostingProps {
  /** The deployment's name (its sign-in domain is named after it). */
  deployment: string;
  api: IHttpApi;
  /** Who signs people in: the deployment's Cognito user pool (hosted UI), or any OpenID Connect issuer. */
  signIn: { kind: 'cognito'; userPool: IUserPool } | { kind: 'oidc'; issuer: string };
  partition: 'aws' | 'aws-cn';
  /** The console's own domain and certificate (ACM ARN; in China an IAM server certificate's id); CloudFront's otherwise. */
  domain?: { name: string; certificateId: string };
  /** Buckets the browser PUTs files to by presigned URL (bulk import). */
  uploads: IBucket[];
  /** The built console (web/dist). */
  assets: string;
}

export class ConsoleHosting extends Construct {
  readonly distribution: Distribution;
  readonly site: Bucket;
  readonly logs: Bucket;
  /** Cognito's hosted UI (absent with another OpenID provider). */
  readonly signInDomain?: UserPoolDomain;
  readonly deployments: BucketDeployment[] = [];
  /** What the distribution tells the API it is (ORIGIN_VERIFY_HEADER): generated, never typed. */
  readonly originVerify: Secret;
  /** https://<distribution>/, where the console lives and Cognito sends the browser back to. */
  readonly url: string;

  constructor(scope: Construct, id: string, private readonly props: ConsoleHostingProps) {
    super(scope, id);
    if (!existsSync(props.assets)) {
      throw new Error(`The console is not built (${props.assets} is missing): run npm run console:build, as npm run synth does`);
    }
    const region = Stack.of(this).region;

    // CloudFront's standard logs need ACLs on their bucket; the site bucket logs there too.
    this.logs = new Bucket(this, 'AccessLogs', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.OBJECT_WRITER,
      enforceSSL: true,
      lifecycleRules: [{ expiration: Duration.days(365) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.site = new Bucket(this, 'Site', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      serverAccessLogsBucket: this.logs,
      serverAccessLogsPrefix: 'site/',
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // China's CloudFront has no edge functions and no origin access control, and serves only an ICP-recorded domain.
    const china = props.partition === 'aws-cn';
    const { signIn } = props;
    if (signIn.kind === 'cognito') {
      // In this stack, not the user pool's: the pool's stack comes first and depends on nothing here.
      this.signInDomain = new UserPoolDomain(this, 'SignIn', {
        userPool: signIn.userPool,
        // The deployment's name and the account: federation peers in one account get their own.
        cognitoDomain: { domainPrefix: (this.node.tryGetContext('signInDomainPrefix') as string | undefined) ?? `${props.deployment.toLowerCase()}-${Stack.of(this).account}` },
      });
    }
    // Where the browser fetches the provider's discovery document and tokens.
    const providerSources =
      signIn.kind === 'cognito' ? [`https://cognito-idp.${region}.${Aws.URL_SUFFIX}`, this.signInDomain!.baseUrl()] : [new URL(signIn.issuer).origin];

    const common: ResponseSecurityHeadersBehavior = {
      strictTransportSecurity: { accessControlMaxAge: Duration.seconds(CONSOLE_HSTS_SECONDS), includeSubdomains: true, override: true },
      frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
      contentTypeOptions: { override: true },
      referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, override: true },
    };
    const consoleHeaders = new ResponseHeadersPolicy(this, 'ConsoleHeaders', {
      comment: 'liudong console: CSP, HSTS, no framing',
      securityHeadersBehavior: {
        ...common,
        contentSecurityPolicy: {
          // The browser fetches Cognito's discovery document, exchanges the code at the hosted UI's
          // token endpoint, and PUTs import files to their bucket.
          contentSecurityPolicy: consoleContentSecurityPolicy([
            ...providerSources,
            ...props.uploads.map((bucket) => `https://${bucket.bucketRegionalDomainName}`),
          ]),
          override: true,
        },
      },
    });
    const apiHeaders = new ResponseHeadersPolicy(this, 'ApiHeaders', {
      comment: 'liudong API under /v1: HSTS, no framing, nothing to render',
      securityHeadersBehavior: {
        ...common,
        contentSecurityPolicy: { contentSecurityPolicy: "default-src 'none'; frame-ancestors 'none'", override: true },
      },
    });

    this.originVerify = new Secret(this, 'OriginVerify', {
      description: 'liudong: the header value by which the API knows a request came through the console distribution',
      generateSecretString: { excludePunctuation: true, passwordLength: 48 },
      removalPolicy: RemovalPolicy.DESTROY,
    });

    const viewerAddress = china
      ? undefined
      : new EdgeFunction(this, 'ViewerAddress', {
          comment: 'liudong: the viewer address for the per-caller limit of the public certificate check',
          runtime: FunctionRuntime.JS_2_0,
          code: FunctionCode.fromInline(VIEWER_ADDRESS_FUNCTION),
        });
    const { domain } = props;

    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'liudong console and API',
      // A web ACL (in us-east-1, outside this stack) when the deployment names one.
      ...(this.node.tryGetContext('webAclArn') ? { webAclId: this.node.tryGetContext('webAclArn') as string } : {}),
      defaultRootObject: 'index.html',
      httpVersion: china ? HttpVersion.HTTP2 : HttpVersion.HTTP2_AND_3,
      ...(domain && !china ? { domainNames: [domain.name], certificate: Certificate.fromCertificateArn(this, 'Certificate', domain.certificateId) } : {}),
      enableLogging: true,
      logBucket: this.logs,
      logFilePrefix: 'cloudfront/',
      defaultBehavior: {
        origin: china ? S3BucketOrigin.withOriginAccessIdentity(this.site) : S3BucketOrigin.withOriginAccessControl(this.site),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: consoleHeaders,
      },
      additionalBehaviors: {
        // The API, never cached, with every viewer header but Host (API Gateway routes on its own).
        '/v1/*': {
          origin: new HttpOrigin(`${props.api.apiId}.execute-api.${region}.${Aws.URL_SUFFIX}`, {
            customHeaders: { [ORIGIN_VERIFY_HEADER]: this.originVerify.secretValue.unsafeUnwrap() },
            protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
            originSslProtocols: [OriginSslPolicy.TLS_V1_2],
          }),
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          cachePolicy: CachePolicy.CACHING_DISABLED,
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: apiHeaders,
          functionAssociations: viewerAddress ? [{ function: viewerAddress, eventType: FunctionEventType.VIEWER_REQUEST }] : [],
        },
      },
    });
    if (domain && china) {
      // The L2 distribution takes ACM certificates only; China's CloudFront takes an IAM server certificate.
      const cfn = this.distribution.node.defaultChild as CfnDistribution;
      cfn.addPropertyOverride('DistributionConfig.Aliases', [domain.name]);
      cfn.addPropertyOverride('DistributionConfig.ViewerCertificate', { IamCertificateId: domain.certificateId, SslSupportMethod: 'sni-only', MinimumProtocolVersion: 'TLSv1.2_2021' });
    }
    this.url = domain ? `https://${domain.name}/` : `https://${this.distribution.distributionDomainName}/`;
  }

  /** The hosted UI's app client settings for this console: code flow (PKCE is the console's), back to the console. */
  static oAuthFor(url: string) {
    return {
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        callbackUrls: [url],
        logoutUrls: [url],
      },
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
      preventUserExistenceErrors: true,
    };
  }

  /**
   * The console's Cognito app client, beside the hosting in `scope` (the Console stack): code flow
   * back to the console; it reads the custom attributes and writes none, so a user cannot promote
   * themself. Returns its client id.
   */
  appClient(scope: Construct, userPool: IUserPool): string {
    return new UserPoolClient(scope, 'ConsoleClient', {
      userPool,
      authFlows: { userSrp: true },
      ...ConsoleHosting.oAuthFor(this.url),
      generateSecret: false,
      readAttributes: new ClientAttributes()
        .withStandardAttributes({ email: true, phoneNumber: true, fullname: true })
        .withCustomAttributes('role', 'jurisdiction', 'organisation', 'agency', 'id_number'),
      writeAttributes: new ClientAttributes().withStandardAttributes({ email: true, phoneNumber: true, fullname: true }),
    }).userPoolClientId;
  }

  /** Uploads the built console and its sign-in configuration for this app client (Cognito's, or the OpenID provider's client id). */
  deploy(clientId: string): void {
    const { signIn } = this.props;
    const config: ConsoleConfig =
      signIn.kind === 'cognito'
        ? {
            signIn: 'oidc',
            authority: `https://cognito-idp.${Stack.of(this).region}.${Aws.URL_SUFFIX}/${signIn.userPool.userPoolId}`,
            clientId,
            scope: CONSOLE_SCOPE,
            signOutUrl: `${this.signInDomain!.baseUrl()}/logout?client_id=${clientId}&logout_uri=${this.url}`,
          }
        : // With another provider, signing out ends the console's session only (no provider logout URL is known here).
          { signIn: 'oidc', authority: signIn.issuer, clientId, scope: CONSOLE_SCOPE };
    // Hashed assets never change; the page and its configuration are fetched again each time, and
    // are uploaded after the assets they name.
    const assets = new BucketDeployment(this, 'Assets', {
      sources: [Source.asset(this.props.assets, { exclude: ['.sources', 'index.html'] })],
      destinationBucket: this.site,
      cacheControl: [CacheControl.fromString('public, max-age=31536000, immutable')],
      prune: false,
    });
    const entry = new BucketDeployment(this, 'Entry', {
      sources: [
        Source.data('index.html', readFileSync(path.join(this.props.assets, 'index.html'), 'utf8')),
        Source.jsonData(CONSOLE_CONFIG_PATH.slice(1), config),
      ],
      destinationBucket: this.site,
      cacheControl: [CacheControl.noCache()],
      prune: false,
      distribution: this.distribution,
      distributionPaths: ['/index.html', CONSOLE_CONFIG_PATH],
    });
    entry.node.addDependency(assets);
    this.deployments.push(assets, entry);
  }
}
