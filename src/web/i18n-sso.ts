// Translations for signing in with the region's account and its admin screen (/admin/sso).
const sv = {
  sso: {
    login: {
      intro: 'Logga in med samma konto som du använder i regionens övriga system.',
      button: 'Logga in med regionens konto',
      passwordTitle: 'Eller logga in med lösenord',
      emergency: 'Nödinloggning',
      emergencyTitle: 'Nödinloggning med lösenord',
      emergencyIntro:
        'Bara för nödkonton, när regionens inloggning inte fungerar. Andra konton loggar in med regionens konto.',
    },
    users: {
      breakGlass: 'Nödkonto',
      breakGlassHint:
        'Får logga in med lösenord även när lösenordsinloggning är avstängd och alla andra använder regionens konto.',
      breakGlassTag: 'Nödkonto',
    },
    access: {
      fromSso: 'Från en grupp i regionens konto; följer gruppen vid varje inloggning.',
    },
    admin: {
      title: 'Inloggning via regionens konto',
      intro:
        'Grupper från regionens identitetsleverantör ger roller här vid varje inloggning. Roller som ges för hand påverkas inte.',
      mappingsTitle: 'Kopplingar från grupper',
      newMapping: 'Ny koppling',
      group: 'Grupp',
      groupHint: 'Värdet som regionen skickar i gruppanspråket, till exempel lagesbild-stab.',
      target: 'Ger',
      targets: { event: 'En roll i en händelse', system_admin: 'Systemadministratör' },
      event: 'Händelse',
      chooseEvent: 'Välj händelse',
      role: 'Roll',
      unit: 'Enhet',
      chooseUnit: 'Välj enhet',
      add: 'Lägg till kopplingen',
      added: 'Kopplingen är tillagd.',
      remove: 'Ta bort',
      removed: 'Kopplingen är borttagen: {{mapping}}.',
      noMappings: 'Inga grupper är kopplade ännu.',
      systemAdmin: 'Systemadministratör',
      identitiesTitle: 'Kopplade konton',
      identitiesIntro:
        'Ett konto som redan finns här kopplas aldrig automatiskt via e-postadressen. Koppla det här med användarens id (sub) hos regionen.',
      newIdentity: 'Koppla ett befintligt konto',
      user: 'Konto',
      chooseUser: 'Välj konto',
      subject: 'Id hos regionen (sub)',
      link: 'Koppla kontot',
      linked: 'Kontot är kopplat.',
      unlink: 'Ta bort kopplingen',
      unlinked: 'Kopplingen är borttagen: {{identity}}.',
      noIdentities: 'Inga konton är kopplade ännu.',
      lastLogin: 'Senast inloggad',
      never: 'Aldrig',
    },
  },
};

type Resources = typeof sv;

const en: Resources = {
  sso: {
    login: {
      intro: "Sign in with the same account you use in the region's other systems.",
      button: "Sign in with the region's account",
      passwordTitle: 'Or sign in with a password',
      emergency: 'Emergency sign-in',
      emergencyTitle: 'Emergency sign-in with a password',
      emergencyIntro:
        "Only for emergency accounts, when the region's sign-in does not work. Other accounts sign in with the region's account.",
    },
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

export const ssoTranslations = { sv, en };
