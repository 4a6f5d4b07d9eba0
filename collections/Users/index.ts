import type { CollectionConfig } from 'payload'

import { adminFieldAccess, adminOrSelfFieldAccess, admins, adminsOrSelf, authenticated, ROLES } from '@/access'
import { forgotPasswordEndpoint } from '@/auth/forgotPassword'
import { countFailedLogin, forgetFailedLogins, guardLogin } from '@/auth/login'
import { secureCookies } from '@/config/env'

import { nameInAdmin } from './hooks/nameInAdmin'

export const Users: CollectionConfig = {
  slug: 'users',
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'email', 'role', 'updatedAt'],
  },
  auth: {
    // No account lock: five anonymous requests would lock the admin out. Wrong passwords are
    // throttled by client address and by email instead (src/auth/throttle.ts).
    maxLoginAttempts: 0,
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
    // Unlocking (POST /api/users/unlock, GraphQL unlockUsers) is an admin's act: anyone else gets
    // 403, for an existing email and an unknown one alike.
    unlock: admins,
  },
  endpoints: [forgotPasswordEndpoint],
  hooks: {
    afterRead: [nameInAdmin],
    beforeOperation: [guardLogin],
    afterLogin: [forgetFailedLogins],
    afterError: [countFailedLogin],
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
