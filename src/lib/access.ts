/**
 * Who is calling and what they may do. Pure data and rules: the access plugin resolves
 * a Caller from the request; services take one and decide object-level visibility.
 */
export const roles = ['admin', 'editor', 'author', 'member'] as const
export type Role = typeof roles[number]

/** metrics:read is for monitoring scrapers: it reads GET /metrics and nothing else. */
export const scopes = ['content:read', 'content:write', 'comments:write', 'comments:moderate', 'admin', 'metrics:read'] as const
export type Scope = typeof scopes[number]

/** The most a role can ever do; a token's scopes are always intersected with this. */
export const roleScopes: Record<Role, readonly Scope[]> = {
  member: ['comments:write'],
  author: ['content:read', 'content:write', 'comments:write'],
  editor: ['content:read', 'content:write', 'comments:write', 'comments:moderate'],
  admin: scopes
}

export interface Caller {
  userId: string
  role: Role
  scopes: readonly Scope[]
  tokenId: string
  tokenKind: 'api' | 'session'
}

export function hasScope (caller: Caller | undefined, scope: Scope): boolean {
  return caller !== undefined && caller.scopes.includes(scope)
}

/** Effective scopes: what the token was granted, limited to what the owner's role allows. */
export function effectiveScopes (role: Role, granted: readonly string[]): Scope[] {
  const allowed = roleScopes[role]
  return allowed.filter((scope) => granted.includes(scope))
}

/** Editors and admins work on everything; authors only on what they wrote. */
export function seesAllContent (caller: Caller | undefined): boolean {
  return caller !== undefined && hasScope(caller, 'content:read') && (caller.role === 'editor' || caller.role === 'admin')
}

/** Publishing, scheduling and archiving are editorial decisions. */
export function canPublish (caller: Caller | undefined): boolean {
  return caller !== undefined && hasScope(caller, 'content:write') && (caller.role === 'editor' || caller.role === 'admin')
}

/**
 * A route's access rule, declared in its definition; a route without one refuses to start.
 * public: anyone, a token may show more; authenticated: any valid token; scope: a token
 * carrying it, and, with roles, belonging to a user with one of those roles.
 */
export type AccessRule =
  | { public: true }
  | { authenticated: true }
  | { scope: Scope, roles?: readonly Role[] }
