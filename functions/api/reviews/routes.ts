// The routes of functions/api/reviews: the residence review's actions (the system opens reviews).
import { CaseIdParams } from '../../../core/schemas/cases.ts';
import { REVIEW_ACTION_BODIES, Review } from '../../../core/schemas/reviews.ts';
import { workflowActionRoutes } from '../../../core/routes.ts';

export const routes = workflowActionRoutes('review', 'reviewActions', REVIEW_ACTION_BODIES, Review, CaseIdParams);
