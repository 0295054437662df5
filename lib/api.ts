// The Api stack's concern: the routes of wiring/ on Data's API, their JWT authorizer, the stage
// with its throttling and access log, and the `$default` route. Functions are named by their
// physical names (the Functions stack deploys first). Built into the stack it is given, so every
// logical id stays as deployed.
import { ArnFormat, Aws, type Stack } from 'aws-cdk-lib';
import { type CfnStage, HttpApi, HttpMethod, HttpNoneAuthorizer, HttpRoute, HttpRouteKey, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { Function as LambdaFunction, type IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { fallbackRoute, type FunctionName, physicalName, routes, stageThrottle } from '../wiring/index.ts';

export interface ApiRoutesProps {
  name: string;
  /** Data's API. */
  api: HttpApi;
  /** Who issues the tokens: Cognito's user pool by id, or the profile's OpenID issuer. */
  issuer: { userPoolId: string } | { url: string };
  /** The audience the tokens are for (the console's app client). */
  audience: string;
}

export class ApiRoutes {
  /** Routes the wiring declares without auth (the API description, the certificate check, peers' events, `$default`). */
  readonly publicRoutes: HttpRoute[] = [];

  constructor(edge: Stack, props: ApiRoutesProps) {
    const named = (name: string) => physicalName(props.name, name);
    // The API as the Api stack sees it: routes, their authorizer and the stage are made here, not beside it in Data.
    const api = HttpApi.fromHttpApiAttributes(edge, 'ApiRef', { httpApiId: props.api.apiId, apiEndpoint: props.api.apiEndpoint });
    const issuer = 'userPoolId' in props.issuer ? `https://cognito-idp.${edge.region}.${Aws.URL_SUFFIX}/${props.issuer.userPoolId}` : props.issuer.url;
    const authorizer = new HttpJwtAuthorizer('Jwt', issuer, { jwtAudience: [props.audience] });
    const stage = new HttpStage(edge, 'DefaultStage', {
      httpApi: api,
      stageName: '$default',
      autoDeploy: true,
      throttle: { burstLimit: stageThrottle.burst, rateLimit: stageThrottle.ratePerSecond },
      accessLogSettings: {
        destination: new LogGroupLogDestination(new LogGroup(edge, 'ApiAccessLogs', { retention: RetentionDays.ONE_YEAR })),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            routeKey: '$context.routeKey',
            status: '$context.status',
            latency: '$context.integrationLatency',
            sourceIp: '$context.identity.sourceIp',
          }),
        ),
      },
    });
    // Routes the wiring throttles on their own (the public certificate check), below the stage's limits.
    const routeSettings = Object.fromEntries(
      routes
        .filter((r) => r.throttle)
        .map((r) => [`${r.method} ${r.path}`, { ThrottlingRateLimit: r.throttle!.ratePerSecond, ThrottlingBurstLimit: r.throttle!.burst }]),
    );
    if (Object.keys(routeSettings).length > 0) (stage.node.defaultChild as CfnStage).addPropertyOverride('RouteSettings', routeSettings);

    // The functions by name, as the Functions stack (deployed first) names them: no export to pin.
    const handlerOf = (name: FunctionName): IFunction =>
      LambdaFunction.fromFunctionAttributes(edge, `${name}Ref`, {
        functionArn: edge.formatArn({ service: 'lambda', resource: 'function', resourceName: named(name), arnFormat: ArnFormat.COLON_RESOURCE_NAME }),
        sameEnvironment: true,
      });
    // One integration and one invoke permission per function (any route of this API), not one per route.
    const integrations = new Map<FunctionName, HttpLambdaIntegration>();
    for (const route of routes) {
      let integration = integrations.get(route.function);
      if (!integration) {
        integration = new HttpLambdaIntegration(`${route.function}Integration`, handlerOf(route.function), { scopePermissionToRoute: false });
        integrations.set(route.function, integration);
      }
      const added = new HttpRoute(edge, `${route.method}${route.path}Route`, {
        httpApi: api,
        routeKey: HttpRouteKey.with(route.path, HttpMethod[route.method]),
        integration,
        authorizer: route.auth === 'jwt' ? authorizer : new HttpNoneAuthorizer(),
      });
      if (route.auth === 'none') this.publicRoutes.push(added);
      // The stage's RouteSettings name throttled routes, which must exist before the stage is written.
      if (route.throttle) stage.node.addDependency(added);
    }
    // What no route matches: problem details (404, or 405 with Allow) rather than the gateway's plain message.
    this.publicRoutes.push(
      new HttpRoute(edge, 'DefaultRoute', {
        httpApi: api,
        routeKey: HttpRouteKey.DEFAULT,
        integration: integrations.get(fallbackRoute.function)!,
        authorizer: new HttpNoneAuthorizer(),
      }),
    );
  }
}
