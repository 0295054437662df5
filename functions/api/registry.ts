// Every route of the API, gathered from the declarations beside each handler
// (functions/api/<resource>/routes.ts). The wiring's routes (wiring/index.ts), the authorisation
// table (docs/ACCESS.md), the OpenAPI document and the authorisation matrix test read this list;
// a handler reads only its own declarations. Plain data: no AWS imports.
import { routeKeyOf, type RouteDeclaration } from '../../core/routes.ts';
import * as appeals from './appeals/routes.ts';
import * as assistanceRequests from './assistance-requests/routes.ts';
import * as audit from './audit/routes.ts';
import * as cases from './cases/routes.ts';
import * as certificates from './certificates/routes.ts';
import * as federation from './federation/routes.ts';
import * as groups from './groups/routes.ts';
import * as imports from './imports/routes.ts';
import * as messages from './messages/routes.ts';
import * as notices from './notices/routes.ts';
import * as openapi from './openapi-routes.ts';
import * as originCertificates from './origin-certificates/routes.ts';
import * as people from './people/routes.ts';
import * as reference from './reference/routes.ts';
import * as registrations from './registrations/routes.ts';
import * as reviews from './reviews/routes.ts';
import * as statistics from './statistics/routes.ts';
import * as subscriptions from './subscriptions/routes.ts';

/** In the order the API document and docs/ACCESS.md list them: cases first, then by resource. */
export const ROUTES: readonly RouteDeclaration[] = [
  ...cases.readRoutes,
  ...registrations.routes,
  ...originCertificates.routes,
  ...reviews.routes,
  assistanceRequests.ask,
  cases.listAssistanceRequests,
  ...assistanceRequests.declaredActions,
  ...appeals.routes,
  ...groups.routes,
  ...imports.routes,
  cases.listCases,
  cases.listMyCases,
  ...audit.routes,
  ...people.routes,
  ...certificates.routes,
  ...reference.routes.slice(0, 3),
  ...notices.routes,
  ...messages.routes,
  ...reference.routes.slice(3),
  ...subscriptions.routes,
  ...federation.routes,
  ...statistics.routes,
  ...openapi.routes,
];

/** The authorisation table: each route's rule, by `METHOD /path`. */
export const ROUTE_RULES: Readonly<Record<string, RouteDeclaration>> = Object.fromEntries(ROUTES.map((r) => [routeKeyOf(r), r]));
