import { describe, expect, it } from 'vitest';
import { PERMISSIONS, permissionsOf, ROLES } from './permissions.ts';

describe('role permissions', () => {
  it('gives the administrator everything', () => {
    expect([...permissionsOf('admin')].sort()).toEqual([...PERMISSIONS].sort());
  });

  it('keeps the audit trail, settings changes, users and tokens to administrators', () => {
    for (const role of ROLES.filter((r) => r !== 'admin')) {
      const granted = permissionsOf(role);
      for (const p of ['audit.read', 'settings.write', 'users.manage', 'api_tokens.manage'] as const) {
        expect(granted.has(p), `${role} ${p}`).toBe(false);
      }
    }
  });

  it('never lets a portal customer or a department viewer see staff records', () => {
    for (const role of ['customer', 'department'] as const) expect(permissionsOf(role).has('people.read')).toBe(false);
  });
});
