// Translations for the second factor: the code step of a login, enrolment (/second-factor) and
// the admin's policy (/admin/second-factor).
const sv = {
  mfa: {
    step: {
      title: 'Ange kod',
      intro: 'Ange den sexsiffriga koden från din autentiseringsapp, eller en av dina reservkoder.',
      code: 'Kod',
      codeHint: 'Sex siffror, eller en reservkod som xxxx-xxxx-xxxx.',
      codeMissing: 'Ange koden.',
      submit: 'Logga in',
      restart: 'Börja om med lösenordet',
    },
    enrol: {
      title: 'Tvåstegsverifiering',
      required: 'Ditt konto måste ha tvåstegsverifiering. Slå på den innan du fortsätter.',
      enabled: 'Tvåstegsverifiering är på.',
      codesLeft: 'Reservkoder kvar: {{count}}',
      off: 'Tvåstegsverifiering är av.',
      start: 'Slå på tvåstegsverifiering',
      scan: 'Skanna QR-koden med din autentiseringsapp.',
      qrAlt: 'QR-kod för autentiseringsappen',
      manual: 'Kan du inte skanna? Skriv in den här nyckeln i appen:',
      code: 'Kod från appen',
      codeHint: 'Sex siffror.',
      codeMissing: 'Ange koden från appen.',
      confirm: 'Bekräfta',
      codesTitle: 'Dina reservkoder',
      codesIntro:
        'Spara koderna på ett säkert ställe. Varje kod fungerar en gång om du inte har telefonen. De visas bara nu.',
      continue: 'Jag har sparat koderna',
      disableTitle: 'Stäng av',
      disableCode: 'Kod från appen eller en reservkod',
      disable: 'Stäng av tvåstegsverifiering',
      disabled: 'Tvåstegsverifiering är avstängd.',
    },
    policy: {
      title: 'Tvåstegsverifiering',
      intro:
        'Nödkonton måste alltid ha tvåstegsverifiering. Här väljer du om även systemadministratörer och stabens roller (administratör, stab, kommunikatör, godkännare) måste ha det.',
      required: 'Kräv tvåstegsverifiering för stabens roller',
      requiredHint:
        'Gäller från nästa inloggning. Den som saknar den får slå på den direkt efter lösenordet.',
      save: 'Spara',
      saved: 'Inställningen är sparad.',
    },
  },
};

const en: typeof sv = {
  mfa: {
    step: {
      title: 'Enter code',
      intro: 'Enter the six-digit code from your authenticator app, or one of your recovery codes.',
      code: 'Code',
      codeHint: 'Six digits, or a recovery code such as xxxx-xxxx-xxxx.',
      codeMissing: 'Enter the code.',
      submit: 'Sign in',
      restart: 'Start again with the password',
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
      disableTitle: 'Switch off',
      disableCode: 'Code from the app or a recovery code',
      disable: 'Switch off two-step verification',
      disabled: 'Two-step verification is off.',
    },
    policy: {
      title: 'Two-step verification',
      intro:
        'Emergency accounts always need two-step verification. Choose whether system admins and the staff roles (admin, staff, communicator, approver) must have it too.',
      required: 'Require two-step verification for the staff roles',
      requiredHint:
        'Applies from the next sign-in. Whoever lacks it switches it on right after the password.',
      save: 'Save',
      saved: 'The setting is saved.',
    },
  },
};

export const mfaTranslations = { sv, en };
