import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { configureClient } from '../api/client.ts';
import { LOCALES, type Locale } from '../api/types.ts';
import en from '../locales/en.json';
import zhCN from '../locales/zh-CN.json';

const STORAGE_KEY = 'aftersales.locale';
export const DEFAULT_LOCALE: Locale = 'zh-CN';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The language remembered on this device (used before sign-in). */
export function storedLocale(): Locale {
  try {
    const value = globalThis.localStorage?.getItem(STORAGE_KEY);
    return isLocale(value) ? value : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

function remember(locale: Locale): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, locale);
  } catch {
    // private mode or storage disabled: the language still applies to this page
  }
}

function applySideEffects(locale: Locale): void {
  dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
}

export function currentLocale(): Locale {
  return isLocale(i18n.language) ? i18n.language : DEFAULT_LOCALE;
}

/** Switch the UI language and remember it on this device. */
export async function setLocale(locale: Locale): Promise<void> {
  remember(locale);
  applySideEffects(locale);
  if (i18n.language !== locale) await i18n.changeLanguage(locale);
}

const initial = storedLocale();
applySideEffects(initial);

// The window title follows the language too.
const updateTitle = () => {
  if (typeof document !== 'undefined') document.title = i18n.t('app.name');
};
i18n.on('languageChanged', updateTitle);
i18n.on('initialized', updateTitle);

void i18n.use(initReactI18next).init({
  resources: {
    'zh-CN': { translation: zhCN },
    en: { translation: en },
  },
  lng: initial,
  fallbackLng: DEFAULT_LOCALE,
  supportedLngs: [...LOCALES],
  interpolation: { escapeValue: false },
  returnNull: false,
});

configureClient({ language: currentLocale });

export default i18n;
