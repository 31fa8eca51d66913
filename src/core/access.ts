/** Roles are granted per event; a unit reporter's grant also names the unit. */
export const roles = [
  'admin',
  'staff',
  'unit_reporter',
  'communicator',
  'approver',
  'reader',
  'designer',
] as const;
export type Role = (typeof roles)[number];

/**
 * The crisis staff's roles: those who write the staff's records or see internal items. The
 * installation can require a second factor of everyone holding one (and of system admins).
 */
export const staffRoles: readonly Role[] = ['admin', 'staff', 'communicator', 'approver'];

/**
 * Every permission a route can require inside an event. Capabilities add theirs here so that
 * the whole table of who may do what stays in one place.
 */
export const permissions = [
  'event.read',
  'event.manage',
  'access.manage',
  'audit.read',
  'internal.read',
  'picture.read',
  'readiness.write',
  'situation.write',
  'situation.review',
  'input_request.manage',
  'figure.define',
  'figure.write',
  'diversion.write',
  'decision.write',
  'milestone.write',
  'action.write',
  'meeting.write',
  'risk.write',
  'log.write',
  'communication.write',
  'template.manage',
  'report.edit',
  'report.approve',
  'distribution.manage',
  'review.write',
  'feeds.manage',
  /** The event's document library (files that belong to no record). */
  'library.write',
] as const;
export type Permission = (typeof permissions)[number];

/** Permissions a role holds for the whole event. */
const eventWide: Record<Role, readonly Permission[]> = {
  admin: permissions,
  staff: [
    'event.read',
    'internal.read',
    'picture.read',
    'readiness.write',
    'situation.write',
    'situation.review',
    'input_request.manage',
    'figure.define',
    'figure.write',
    'diversion.write',
    'decision.write',
    'milestone.write',
    'action.write',
    'meeting.write',
    'risk.write',
    'log.write',
    'communication.write',
    'report.edit',
    'review.write',
    'library.write',
  ],
  unit_reporter: ['event.read', 'internal.read', 'picture.read'],
  communicator: ['event.read', 'internal.read', 'picture.read', 'communication.write'],
  approver: ['event.read', 'internal.read', 'picture.read', 'report.approve'],
  reader: ['event.read', 'picture.read'],
  /** Designs the event's report templates, granted by the event admin to staff who compile reports. */
  designer: ['event.read', 'internal.read', 'picture.read', 'template.manage'],
};

/** Permissions a unit reporter holds only for the units named in their grants. */
const unitScoped: Partial<Record<Role, readonly Permission[]>> = {
  unit_reporter: ['situation.write', 'figure.write'],
};

export interface EventGrant {
  role: Role;
  unitId: number | null;
}

/**
 * Decides one permission for one user in one event. `unitId` names the unit the request is about,
 * when it is about one.
 */
export function isAllowed(
  grants: readonly EventGrant[],
  permission: Permission,
  unitId?: number,
): boolean {
  return grants.some(
    (grant) =>
      eventWide[grant.role].includes(permission) ||
      (unitId !== undefined &&
        grant.unitId === unitId &&
        (unitScoped[grant.role] ?? []).includes(permission)),
  );
}

/**
 * The units whose unsubmitted situation drafts the grants may read: a draft is its unit's until
 * it is submitted, so only those who may write a unit's situation read its draft.
 */
export function draftReadableUnits(grants: readonly EventGrant[]): 'all' | number[] {
  if (isAllowed(grants, 'situation.write')) return 'all';
  return grants
    .map((grant) => grant.unitId)
    .filter((unitId): unitId is number => unitId !== null)
    .filter((unitId) => isAllowed(grants, 'situation.write', unitId));
}

/** What an API token may be used for, chosen when it is created. `*` covers every route. */
export const tokenScopes = [
  '*',
  'picture:read',
  'reports:read',
  'figures:push',
  'calendar:subscribe',
] as const;
export type TokenScope = (typeof tokenScopes)[number];

/** Reads the stored, space-separated form; unknown words are ignored. */
export function parseScopes(stored: string): TokenScope[] {
  return stored
    .split(' ')
    .filter((scope): scope is TokenScope => (tokenScopes as readonly string[]).includes(scope));
}

/** The scope that covers a route needing a permission; any other route needs a `*` token. */
const scopeOfPermission: Partial<Record<Permission, TokenScope>> = {
  'event.read': 'picture:read',
  'picture.read': 'picture:read',
  'internal.read': 'reports:read',
  'figure.write': 'figures:push',
};

/** Decides whether a token's scopes cover a route; `permission` is null outside an event. */
export function scopesCover(scopes: readonly TokenScope[], permission: Permission | null): boolean {
  if (scopes.includes('*')) return true;
  const needed = permission === null ? undefined : scopeOfPermission[permission];
  return needed !== undefined && scopes.includes(needed);
}
