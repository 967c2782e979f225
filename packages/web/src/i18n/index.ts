import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { nl } from './nl';

/** Dutch by default; English when chosen (remembered in this browser). */
const stored = typeof localStorage !== 'undefined' ? localStorage.getItem('gezinsplan.language') : null;

void i18n.use(initReactI18next).init({
  resources: { nl: { translation: nl }, en: { translation: en } },
  lng: stored === 'en' ? 'en' : 'nl',
  fallbackLng: 'nl',
  interpolation: { escapeValue: false },
});

export function switchLanguage(): void {
  const next = i18n.language === 'nl' ? 'en' : 'nl';
  localStorage.setItem('gezinsplan.language', next);
  document.documentElement.lang = next;
  void i18n.changeLanguage(next);
}

document.documentElement.lang = i18n.language;

export default i18n;
