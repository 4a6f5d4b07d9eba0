import type { CollectionConfig } from 'payload'

import { adminFieldAccess, admins, adminsOrSelf, ROLES } from '@/access'
import { secureCookies } from '@/lib/env'

export const Users: CollectionConfig = {
  slug: 'users',
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'email', 'role', 'updatedAt'],
  },
  auth: {
    // Five wrong passwords lock the account for ten minutes: enough to stop guessing, short
    // enough that a real editor is not locked out for the day.
    maxLoginAttempts: 5,
    lockTime: 10 * 60 * 1000,
    tokenExpiration: 8 * 60 * 60,
    cookies: {
      sameSite: 'Lax',
      secure: secureCookies(),
    },
  },
  access: {
    admin: ({ req: { user } }) => Boolean(user),
    create: admins,
    delete: admins,
    read: adminsOrSelf,
    update: adminsOrSelf,
  },
  fields: [
    {
      name: 'name',
      type: 'text',
      required: true,
      maxLength: 120,
    },
    {
      name: 'role',
      type: 'select',
      required: true,
      defaultValue: 'author',
      saveToJWT: true,
      options: ROLES.map((role) => ({ label: role[0].toUpperCase() + role.slice(1), value: role })),
      access: {
        // Only an admin hands out roles; nobody promotes themselves.
        create: adminFieldAccess,
        update: adminFieldAccess,
      },
    },
  ],
  timestamps: true,
}
