// Translations for signing in with the region's account and its admin screen (/admin/sso).
import type sv from './i18n-sso.sv.ts';

const en: typeof sv = {
  sso: {
    users: {
      breakGlass: 'Emergency account',
      breakGlassHint:
        "May sign in with a password even when password sign-in is off and everyone else uses the region's account.",
      breakGlassTag: 'Emergency account',
    },
    access: {
      fromSso: "From a group of the region's account; follows the group at every sign-in.",
    },
    admin: {
      title: "Sign-in with the region's account",
      intro:
        "Groups from the region's identity provider give roles here at every sign-in. Roles given by hand are not affected.",
      mappingsTitle: 'Group mappings',
      newMapping: 'New mapping',
      group: 'Group',
      groupHint: 'The value the region sends in the groups claim, for example lagesbild-stab.',
      target: 'Gives',
      targets: { event: 'A role in an event', system_admin: 'System administrator' },
      event: 'Event',
      chooseEvent: 'Choose an event',
      role: 'Role',
      unit: 'Unit',
      chooseUnit: 'Choose a unit',
      add: 'Add the mapping',
      added: 'The mapping was added.',
      remove: 'Remove',
      removed: 'The mapping was removed: {{mapping}}.',
      noMappings: 'No groups are mapped yet.',
      systemAdmin: 'System administrator',
      identitiesTitle: 'Linked accounts',
      identitiesIntro:
        "An account that already exists here is never linked automatically by e-mail address. Link it here with the user's id (sub) at the region.",
      newIdentity: 'Link an existing account',
      user: 'Account',
      chooseUser: 'Choose an account',
      subject: 'Id at the region (sub)',
      link: 'Link the account',
      linked: 'The account was linked.',
      unlink: 'Remove the link',
      unlinked: 'The link was removed: {{identity}}.',
      noIdentities: 'No accounts are linked yet.',
      lastLogin: 'Last sign-in',
      never: 'Never',
    },
  },
};

export default en;
