import type { AnyRoute } from './platform/http/define-route';
import { authRoutes } from './modules/auth';
import { healthRoutes } from './modules/health';
import { organisationsRoutes } from './modules/organisations';
import { usersRoutes } from './modules/users';
import { cataloguesRoutes } from './modules/catalogues';
import { familiesRoutes } from './modules/families';
import { teamRoutes } from './modules/team';
import { planRoutes } from './modules/plan';
import { assessmentsRoutes } from './modules/assessments';
import { phasesRoutes } from './modules/phases';
import { decisionsRoutes } from './modules/decisions';
import { evaluationsRoutes } from './modules/evaluations';
import { servicesRoutes } from './modules/services';
import { referralsRoutes } from './modules/referrals';
import { signalsRoutes } from './modules/signals';
import { consultationsRoutes } from './modules/consultations';
import { timelineRoutes } from './modules/timeline';
import { auditRoutes } from './modules/audit';
import { meRoutes } from './modules/me';
import { covenantsRoutes } from './modules/covenants';
import { consentsRoutes } from './modules/consents';
import { breakGlassRoutes } from './modules/break-glass';
import { dataSubjectRequestRoutes, privacyRoutes } from './modules/privacy';
import { notificationsRoutes } from './modules/notifications';
import { familyAccountsRoutes } from './modules/family-accounts';
import { twoFactorRoutes } from './modules/two-factor';

/** The route registry: the one list the server mounts, the OpenAPI document describes and the tests walk. */
export const routes: readonly AnyRoute[] = [
  ...healthRoutes,
  ...authRoutes,
  ...twoFactorRoutes,
  ...meRoutes,
  ...notificationsRoutes,
  ...organisationsRoutes,
  ...usersRoutes,
  ...cataloguesRoutes,
  ...servicesRoutes,
  ...covenantsRoutes,
  ...familiesRoutes,
  ...teamRoutes,
  ...planRoutes,
  ...assessmentsRoutes,
  ...phasesRoutes,
  ...decisionsRoutes,
  ...evaluationsRoutes,
  ...referralsRoutes,
  ...signalsRoutes,
  ...consultationsRoutes,
  ...timelineRoutes,
  ...consentsRoutes,
  ...familyAccountsRoutes,
  ...auditRoutes,
  ...breakGlassRoutes,
  ...privacyRoutes,
  ...dataSubjectRequestRoutes,
];
