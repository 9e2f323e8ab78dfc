import i18n from '../app/i18n.ts';
import dashboardEn from './appraisal-dashboard.en.json';
import dashboardZh from './appraisal-dashboard.zh-CN.json';
import hrEn from './appraisal-hr.en.json';
import hrZh from './appraisal-hr.zh-CN.json';
import appraisalEn from './appraisal.en.json';
import appraisalZh from './appraisal.zh-CN.json';

// The appraisal screens' texts (my appraisal, reviews, HR, dashboards): loaded with the first of them.
const bundles = {
  'zh-CN': [appraisalZh, hrZh, dashboardZh],
  en: [appraisalEn, hrEn, dashboardEn],
} as const;
for (const [lang, list] of Object.entries(bundles)) {
  for (const bundle of list) i18n.addResourceBundle(lang, 'translation', bundle, true, false);
}
