// Translations for signing in with the region's account and its admin screen (/admin/sso).
const sv = {
  sso: {
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

export default sv;
