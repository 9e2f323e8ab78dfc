import i18n from '../app/i18n.ts';
import dispatchEn from './dispatch.en.json';
import dispatchZh from './dispatch.zh-CN.json';
import workingTimeEn from './working-time.en.json';
import workingTimeZh from './working-time.zh-CN.json';

// The dispatch screens' texts (board, plans, working time): loaded with the first of those screens.
const bundles = {
  'zh-CN': [dispatchZh, workingTimeZh],
  en: [dispatchEn, workingTimeEn],
} as const;
for (const [lang, list] of Object.entries(bundles)) {
  for (const bundle of list) i18n.addResourceBundle(lang, 'translation', bundle, true, false);
}
