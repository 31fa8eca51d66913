// Translations for the second factor: the code step of a login, enrolment (/second-factor) and
// the admin's policy (/admin/second-factor).
const sv = {
  mfa: {
    keys: {
      title: 'Säkerhetsnycklar',
      none: 'Inga säkerhetsnycklar är tillagda.',
      name: 'Namn på nyckeln',
      nameHint: 'Så att du känner igen den, till exempel "YubiKey på kontoret".',
      nameMissing: 'Ge nyckeln ett namn.',
      add: 'Lägg till säkerhetsnyckel',
      added: 'Nyckeln "{{name}}" är tillagd.',
      removed: 'Nyckeln "{{name}}" är borttagen.',
      remove: 'Ta bort {{name}}',
      created: 'tillagd {{at}}',
      lastUsed: 'senast använd {{at}}',
      cancelled: 'Nyckeln lades inte till. Försök igen.',
      unsupported: 'Den här webbläsaren kan inte använda säkerhetsnycklar.',
      noHost:
        'Säkerhetsnycklar kan inte läggas till här: serverns adress är en IP-adress eller inte angiven, och webbläsare tillåter inte nycklar då. Be administratören ange ett värdnamn (PUBLIC_URL). Kod från appen fungerar som vanligt.',
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
      disableCode: 'Kod från appen eller en reservkod',
      disable: 'Stäng av autentiseringsappen',
      disabled: 'Autentiseringsappen är avstängd.',
      renewCodes: 'Skapa nya reservkoder',
      totpTitle: 'Autentiseringsapp',
    },
    confirm: {
      title: 'Bekräfta att det är du',
      intro:
        'Innan du {{what}} behöver du bekräfta med en kod från appen, en reservkod eller din säkerhetsnyckel.',
      submit: 'Bekräfta',
      cancel: 'Avbryt',
      removeKey: 'tar bort nyckeln "{{name}}"',
      disable: 'stänger av autentiseringsappen',
      renewCodes: 'skapar nya reservkoder',
    },
    policy: {
      title: 'Tvåstegsverifiering',
      intro:
        'Nödkonton måste alltid ha tvåstegsverifiering. Här väljer du om även systemadministratörer och stabens roller (administratör, stab, kommunikatör, godkännare) måste ha det.',
      required: 'Kräv tvåstegsverifiering för stabens roller',
      requiredHint:
        'Gäller från varje användares nästa klick. Den som saknar den får slå på den innan hen kan fortsätta. Slå på den för ditt eget konto först.',
      save: 'Spara',
      saved: 'Inställningen är sparad.',
    },
  },
};

export default sv;
