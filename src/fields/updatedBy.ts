import type { Field } from 'payload'

/**
 * Who saved this version. Payload stores when each version was made but not by whom; this field is
 * set from the signed-in user on every save, so each version of a figure records its editor.
 */
export const updatedByField: Field = {
  name: 'updatedBy',
  label: 'Last saved by',
  type: 'relationship',
  relationTo: 'users',
  admin: { position: 'sidebar', readOnly: true },
  hooks: {
    // Whatever a client sends, a signed-in save records its own user.
    beforeChange: [({ req, value }) => (req.user?.collection === 'users' ? req.user.id : value)],
  },
}
