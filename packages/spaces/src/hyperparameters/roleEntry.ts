import type { ParameterRole } from '@jahskit/core';

/** The `role` entry of a spec: present only when set, so the specs of parameters without a role stay as they were. */
export function roleEntry(role: ParameterRole | undefined): { readonly role?: ParameterRole } {
  return role === undefined ? {} : { role };
}
