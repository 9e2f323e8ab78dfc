import { FilePdfOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WorkOrder } from '../../api/types.ts';
import '../../locales/field.ts';
import { reportPdfUrl, useReport } from './api.ts';

const AFTER_WORK = new Set(['work_done', 'customer_accepted', 'resolved_remotely', 'closed']);

/** A download link for the order's filed service report PDF (P4.4.2); nothing until it is filed. */
export function ReportPdfLink({ order }: { order: WorkOrder }) {
  const { t } = useTranslation();
  const query = useReport(order.id, AFTER_WORK.has(order.state));
  if (!query.data?.pdf) return null;
  return (
    <Button icon={<FilePdfOutlined />} href={reportPdfUrl(order.id)} target="_blank" data-testid="report-pdf-link">
      {t('reports.downloadPdf')}
    </Button>
  );
}
