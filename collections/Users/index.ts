import type { CollectionConfig } from 'payload'

import { adminFieldAccess, adminOrSelfFieldAccess, admins, adminsOrSelf, authenticated, ROLES } from '@/access'
import { secureCookies } from '@/config/env'

import { nameInAdmin } from './hooks/nameInAdmin'

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
    // Colleagues see each other's names (who holds a document's lock, who changed a table); an
    // email or a role only on their own profile, or as an admin. Anonymous clients see no user.
    read: authenticated,
    update: adminsOrSelf,
  },
  hooks: {
    afterRead: [nameInAdmin],
  },
  fields: [
    // Payload's own email field, with read access added (merged with the built-in one).
    {
      name: 'email',
      type: 'email',
      access: { read: adminOrSelfFieldAccess },
    },
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
        read: adminOrSelfFieldAccess,
        // Only an admin hands out roles; nobody promotes themselves.
        create: adminFieldAccess,
        update: adminFieldAccess,
      },
    },
  ],
  timestamps: true,
}
