import i18n from '../app/i18n.ts';
import en from './work-orders.en.json';
import zhCN from './work-orders.zh-CN.json';

// The work-order screens' texts (work orders, console, portal, consultations, SLA, the holiday
// calendar) load with the first of those screens instead of with the sign-in page: modules
// that use them import this file. Deep-merged into the default namespace.
i18n.addResourceBundle('zh-CN', 'translation', zhCN, true, false);
i18n.addResourceBundle('en', 'translation', en, true, false);
