import i18n from '../app/i18n.ts';
import acceptanceEn from './acceptance.en.json';
import acceptanceZh from './acceptance.zh-CN.json';
import feedbackEn from './feedback.en.json';
import feedbackZh from './feedback.zh-CN.json';
import reportsEn from './reports.en.json';
import reportsZh from './reports.zh-CN.json';
import siteWorkEn from './site-work.en.json';
import siteWorkZh from './site-work.zh-CN.json';
import stockEn from './stock.en.json';
import stockZh from './stock.zh-CN.json';

// The field-service screens' texts (parts and stock, tools, visits and checklists, acceptance and
// surveys, service reports, feedback to departments): loaded with the first of those screens.
const bundles = {
  'zh-CN': [stockZh, siteWorkZh, acceptanceZh, reportsZh, feedbackZh],
  en: [stockEn, siteWorkEn, acceptanceEn, reportsEn, feedbackEn],
} as const;
for (const [lang, list] of Object.entries(bundles)) {
  for (const bundle of list) i18n.addResourceBundle(lang, 'translation', bundle, true, false);
}
