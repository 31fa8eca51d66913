// Translations for one's own API tokens (pages/account/ApiTokensPage.tsx).
const sv = {
  tokens: {
    title: 'API-nycklar',
    intro:
      'En API-nyckel låter ett annat system läsa eller skicka uppgifter i ditt namn, till exempel en lägesbild på intranätet eller nyckeltal från datalagret. Ge nyckeln bara de behörigheter systemet behöver, och låt den sluta gälla.',
    newTitle: 'Skapa en nyckel',
    name: 'Namn',
    nameHint: 'Vilket system som använder nyckeln, till exempel ”Datalagret, beläggning”.',
    nameMissing: 'Ange ett namn för nyckeln.',
    scopes: 'Behörigheter',
    scopesHint: 'Nyckeln kan aldrig mer än du själv.',
    scopesMissing: 'Välj minst en behörighet för nyckeln.',
    scopeNames: {
      pictureRead: 'Läsa lägesbilden',
      reportsRead: 'Läsa interna rapporter',
      figuresPush: 'Skicka nyckeltal',
      calendarSubscribe: 'Prenumerera på kalendern',
      all: 'Allt du får göra',
    },
    expiresAt: 'Gäller till och med',
    expiresHint: 'Efter det datumet fungerar nyckeln inte längre.',
    expiresMissing: 'Ange till och med vilket datum nyckeln gäller.',
    create: 'Skapa nyckeln',
    secretTitle: 'Nyckeln ”{{name}}” är skapad',
    secretOnce:
      'Kopiera nyckeln nu och spara den i systemet som ska använda den. Den visas bara den här gången.',
    copy: 'Kopiera nyckeln',
    copied: 'Nyckeln är kopierad.',
    copyFailed: 'Kopieringen gick inte. Markera nyckeln och kopiera den själv.',
    done: 'Jag har sparat nyckeln',
    listTitle: 'Dina nycklar',
    none: 'Du har inga API-nycklar.',
    state: 'Status',
    states: { active: 'Gäller', revoked: 'Återkallad', expired: 'Har gått ut' },
    created: 'Skapad',
    lastUsed: 'Senast använd',
    never: 'Aldrig',
    expires: 'Gäller till',
    noExpiry: 'Tills den återkallas',
    revoke: 'Återkalla',
    confirmRevoke: 'Återkalla nyckeln ”{{name}}”? System som använder den slutar fungera.',
    revoked: 'Nyckeln ”{{name}}” är återkallad.',
  },
};

export default sv;
