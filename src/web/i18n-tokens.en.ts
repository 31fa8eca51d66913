// Translations for one's own API tokens (pages/account/ApiTokensPage.tsx).
import type sv from './i18n-tokens.sv.ts';

const en: typeof sv = {
  tokens: {
    title: 'API tokens',
    intro:
      'An API token lets another system read or send data in your name, for example a situation page on the intranet or key figures from the data warehouse. Give the token only the scopes the system needs, and let it expire.',
    newTitle: 'Create a token',
    name: 'Name',
    nameHint: 'Which system uses the token, for example “Data warehouse, occupancy”.',
    nameMissing: 'Enter a name for the token.',
    scopes: 'Scopes',
    scopesHint: 'A token can never do more than you can.',
    scopesMissing: 'Choose at least one scope for the token.',
    scopeNames: {
      pictureRead: 'Read the situation picture',
      reportsRead: 'Read internal reports',
      figuresPush: 'Send key figures',
      calendarSubscribe: 'Subscribe to the calendar',
      all: 'Everything you may do',
    },
    expiresAt: 'Valid until and including',
    expiresHint: 'After that date the token no longer works.',
    expiresMissing: 'Enter the last date the token is valid.',
    create: 'Create the token',
    secretTitle: 'The token “{{name}}” is created',
    secretOnce:
      'Copy the token now and store it in the system that will use it. It is shown only this once.',
    copy: 'Copy the token',
    copied: 'The token is copied.',
    copyFailed: 'Copying failed. Select the token and copy it yourself.',
    done: 'I have stored the token',
    listTitle: 'Your tokens',
    none: 'You have no API tokens.',
    state: 'Status',
    states: { active: 'Valid', revoked: 'Revoked', expired: 'Expired' },
    created: 'Created',
    lastUsed: 'Last used',
    never: 'Never',
    expires: 'Valid until',
    noExpiry: 'Until revoked',
    revoke: 'Revoke',
    confirmRevoke: 'Revoke the token “{{name}}”? Systems that use it stop working.',
    revoked: 'The token “{{name}}” is revoked.',
  },
};

export default en;
