import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import shellSv from './i18n-shell.sv.ts';
import nextStepsSv from './i18n-next-steps.sv.ts';
import searchSv from './i18n-search.sv.ts';

export const languages = ['sv', 'en'] as const;
export type Language = (typeof languages)[number];
const storageKey = 'lagesbild.language';

type Bundle = () => Promise<{ default: object }>;

// Swedish is the default, so the shell's Swedish words come with the first script; English is
// fetched only when it is shown.
const shellEn: Bundle[] = [
  () => import('./i18n-shell.en.ts'),
  () => import('./i18n-next-steps.en.ts'),
  () => import('./i18n-search.en.ts'),
];

/** The words of the lazily loaded screens, per area: a screen's areas load before it renders. */
const areaBundles = {
  admin: { sv: () => import('./i18n-admin.sv.ts'), en: () => import('./i18n-admin.en.ts') },
  audit: { sv: () => import('./i18n-audit.sv.ts'), en: () => import('./i18n-audit.en.ts') },
  eventSettings: {
    sv: () => import('./i18n-event-settings.sv.ts'),
    en: () => import('./i18n-event-settings.en.ts'),
  },
  eventUnits: {
    sv: () => import('./i18n-event-units.sv.ts'),
    en: () => import('./i18n-event-units.en.ts'),
  },
  files: { sv: () => import('./i18n-files.sv.ts'), en: () => import('./i18n-files.en.ts') },
  forms: { sv: () => import('./i18n-forms.sv.ts'), en: () => import('./i18n-forms.en.ts') },
  mail: { sv: () => import('./i18n-mail.sv.ts'), en: () => import('./i18n-mail.en.ts') },
  milestones: {
    sv: () => import('./i18n-milestones.sv.ts'),
    en: () => import('./i18n-milestones.en.ts'),
  },
  mfa: { sv: () => import('./i18n-mfa.sv.ts'), en: () => import('./i18n-mfa.en.ts') },
  meetings: {
    sv: () => import('./i18n-meetings.sv.ts'),
    en: () => import('./i18n-meetings.en.ts'),
  },
  picture: { sv: () => import('./i18n-picture.sv.ts'), en: () => import('./i18n-picture.en.ts') },
  reports: { sv: () => import('./i18n-reports.sv.ts'), en: () => import('./i18n-reports.en.ts') },
  review: { sv: () => import('./i18n-review.sv.ts'), en: () => import('./i18n-review.en.ts') },
  scales: { sv: () => import('./i18n-scales.sv.ts'), en: () => import('./i18n-scales.en.ts') },
  setups: { sv: () => import('./i18n-setups.sv.ts'), en: () => import('./i18n-setups.en.ts') },
  sso: { sv: () => import('./i18n-sso.sv.ts'), en: () => import('./i18n-sso.en.ts') },
  situations: {
    sv: () => import('./i18n-situations.sv.ts'),
    en: () => import('./i18n-situations.en.ts'),
  },
  templates: {
    sv: () => import('./i18n-templates.sv.ts'),
    en: () => import('./i18n-templates.en.ts'),
  },
  tokens: { sv: () => import('./i18n-tokens.sv.ts'), en: () => import('./i18n-tokens.en.ts') },
} satisfies Record<string, Record<Language, Bundle>>;

export type Area = keyof typeof areaBundles;

function storedLanguage(): Language {
  try {
    const stored = localStorage.getItem(storageKey);
    return stored === 'en' ? 'en' : 'sv';
  } catch {
    return 'sv';
  }
}

function hasChosenLanguage(): boolean {
  try {
    return localStorage.getItem(storageKey) !== null;
  } catch {
    return false;
  }
}

void i18n.use(initReactI18next).init({
  resources: {
    sv: {
      translation: {
        ...shellSv,
        ...nextStepsSv,
        ...searchSv,
      },
    },
  },
  lng: storedLanguage(),
  fallbackLng: 'sv',
  interpolation: { escapeValue: false },
  returnNull: false,
});

/** The language shown, or the one being switched to while its words load. */
let targetLanguage: Language = storedLanguage();
const areasShown = new Set<Area>();
const loading = new Map<Bundle, Promise<void>>();

function addBundle(language: Language, bundle: Bundle): Promise<void> {
  let loaded = loading.get(bundle);
  if (!loaded) {
    loaded = bundle().then(
      (words) => {
        i18n.addResourceBundle(language, 'translation', words.default, true, true);
      },
      (error: unknown) => {
        loading.delete(bundle);
        throw error;
      },
    );
    loading.set(bundle, loaded);
  }
  return loaded;
}

function loadWords(language: Language, areas: Iterable<Area>): Promise<void> {
  const shell = language === 'en' ? shellEn : [];
  const bundles = [...shell, ...[...areas].map((area) => areaBundles[area][language])];
  return Promise.all(bundles.map((bundle) => addBundle(language, bundle))).then(() => undefined);
}

/** Loads the words of a screen's areas in the language shown (and the one coming), once. */
export function loadAreas(areas: readonly Area[]): Promise<void> {
  for (const area of areas) areasShown.add(area);
  const shown = new Set([i18n.language === 'en' ? 'en' : 'sv', targetLanguage] as const);
  return Promise.all([...shown].map((language) => loadWords(language, areas))).then(
    () => undefined,
  );
}

/** Shows the language once the shell's and every shown area's words in it are loaded. */
async function showLanguage(language: Language): Promise<void> {
  targetLanguage = language;
  await loadWords(language, areasShown);
  if (targetLanguage !== language) return;
  if (typeof document !== 'undefined') document.documentElement.lang = language;
  await i18n.changeLanguage(language);
}

/** Resolves when the words of the language the app starts in are loaded. */
export const startLanguageReady: Promise<void> = showLanguage(targetLanguage);

export function setLanguage(language: Language): void {
  try {
    localStorage.setItem(storageKey, language);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  void showLanguage(language);
}

/**
 * An event's language becomes the default while its pages are shown, for a user who has not
 * chosen a language; `null` (leaving the event) goes back to the user's own default.
 */
export function applyEventLanguage(language: Language | null): void {
  if (hasChosenLanguage()) return;
  const wanted = language ?? storedLanguage();
  if (targetLanguage === wanted) return;
  void showLanguage(wanted);
}

export default i18n;
