export { auditRoutes } from './audit.routes';
export { presentAuditRecord } from './audit.service';
