// Translations for the second factor: the code step of a login, enrolment (/second-factor) and
// the admin's policy (/admin/second-factor).
import type sv from './i18n-mfa.sv.ts';

const en: typeof sv = {
  mfa: {
    keys: {
      title: 'Security keys',
      none: 'No security keys added.',
      name: 'Name of the key',
      nameHint: 'So you recognise it, for example "YubiKey at the office".',
      nameMissing: 'Give the key a name.',
      add: 'Add security key',
      added: 'The key "{{name}}" is added.',
      removed: 'The key "{{name}}" is removed.',
      remove: 'Remove {{name}}',
      created: 'added {{at}}',
      lastUsed: 'last used {{at}}',
      cancelled: 'The key was not added. Try again.',
      unsupported: 'This browser cannot use security keys.',
      noHost:
        'Security keys cannot be added here: the server address is an IP address or not set, and browsers do not allow keys then. Ask the administrator to set a host name (PUBLIC_URL). Codes from the app work as usual.',
    },
    enrol: {
      title: 'Two-step verification',
      required: 'Your account must have two-step verification. Switch it on to continue.',
      enabled: 'Two-step verification is on.',
      codesLeft: 'Recovery codes left: {{count}}',
      off: 'Two-step verification is off.',
      start: 'Switch on two-step verification',
      scan: 'Scan the QR code with your authenticator app.',
      qrAlt: 'QR code for the authenticator app',
      manual: 'Cannot scan? Type this key into the app:',
      code: 'Code from the app',
      codeHint: 'Six digits.',
      codeMissing: 'Enter the code from the app.',
      confirm: 'Confirm',
      codesTitle: 'Your recovery codes',
      codesIntro:
        'Keep these codes somewhere safe. Each works once if you do not have your phone. They are shown only now.',
      continue: 'I have saved the codes',
      disableCode: 'Code from the app or a recovery code',
      disable: 'Switch off the authenticator app',
      disabled: 'The authenticator app is switched off.',
      renewCodes: 'Make new recovery codes',
      totpTitle: 'Authenticator app',
    },
    confirm: {
      title: 'Confirm that it is you',
      intro:
        'Before you {{what}}, confirm with a code from the app, a recovery code or your security key.',
      submit: 'Confirm',
      cancel: 'Cancel',
      removeKey: 'remove the key "{{name}}"',
      disable: 'switch off the authenticator app',
      renewCodes: 'make new recovery codes',
    },
    policy: {
      title: 'Two-step verification',
      intro:
        'Emergency accounts always need two-step verification. Choose whether system admins and the staff roles (admin, staff, communicator, approver) must have it too.',
      required: 'Require two-step verification for the staff roles',
      requiredHint:
        "Applies from each user's next click. Whoever lacks it must switch it on before going on. Switch it on for your own account first.",
      save: 'Save',
      saved: 'The setting is saved.',
    },
  },
};

export default en;
