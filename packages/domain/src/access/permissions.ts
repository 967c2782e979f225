import type { Role } from '../users/user.schema';

/**
 * Permissions on one family's file. Every route under /families/{familyId} declares one of these and is
 * decided by the gate (`decideFamilyAccess`), never by role alone.
 */
export const familyPermissions = [
  'family:read',
  'family:update',
  'member:read',
  'member:write',
  'team:read',
  'team:manage',
  'plan:read',
  'plan:write',
  'timeline:read',
  'timeline:write',
  'audit:read',
  'consent:read',
  'consent:write',
  'break-glass:open',
  'invitation:manage',
] as const;
export type FamilyPermission = (typeof familyPermissions)[number];

/** Permissions outside any family, granted by role. */
export const globalPermissions = [
  'organisations:read',
  'organisations:manage',
  'organisations:configure',
  'users:read',
  'users:manage',
  'directory:read',
  'families:create',
  'families:list',
  'catalogue:read',
  'catalogue:manage',
  'services:manage',
  'covenants:read',
  'covenants:manage',
  'privacy:audit',
  'privacy:review',
  'privacy:requests',
  'mail:read',
] as const;
export type GlobalPermission = (typeof globalPermissions)[number];

export type Permission = FamilyPermission | GlobalPermission;

const everyone: GlobalPermission[] = ['catalogue:read', 'organisations:read', 'covenants:read'];

/** Which global permissions each role holds. Admins manage the system, not care content. */
export const rolePermissions: Record<Role, readonly GlobalPermission[]> = {
  admin: [...everyone, 'organisations:manage', 'organisations:configure', 'users:read', 'users:manage', 'catalogue:manage', 'services:manage', 'mail:read'],
  'org-admin': [...everyone, 'organisations:configure', 'users:read', 'users:manage', 'directory:read', 'covenants:manage', 'services:manage'],
  professional: [...everyone, 'directory:read', 'families:create', 'families:list'],
  policy: [...everyone],
  'privacy-officer': [...everyone, 'privacy:audit', 'privacy:review', 'privacy:requests'],
};

export function hasGlobalPermission(roles: readonly Role[], permission: GlobalPermission): boolean {
  return roles.some((r) => rolePermissions[r].includes(permission));
}
