import { Card, Empty, Flex, Progress, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { Link } from 'react-router';
import type { SimilarCase, WorkOrder } from '../../api/types.ts';
import { PageSpinner } from '../../components/PageSpinner.tsx';
import { formatInstant } from '../../lib/time.ts';
import { useIsMobile } from '../../lib/useIsMobile.ts';
import { isMissingRoute, useSimilarCases } from './api.ts';
import { StateTag } from './tags.tsx';

function CaseList({ cases, testId }: { cases: SimilarCase[]; testId: string }) {
  const { t } = useTranslation();
  if (cases.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('similar.none')} />;
  return (
    <Flex vertical gap={12} data-testid={testId}>
      {cases.map((c) => {
        const answer = c.solution || c.resolution;
        return (
          <div key={c.id} data-testid="similar-case">
            <Flex justify="space-between" align="center" gap={8} wrap>
              <span>
                <Link to={`/work-orders/${c.id}`}>{c.number}</Link> <Typography.Text>{c.title}</Typography.Text> <StateTag state={c.state} />
              </span>
              <Flex align="center" gap={6} style={{ minWidth: 140 }}>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('similar.similarity')}
                </Typography.Text>
                <Progress percent={Math.round((c.similarity ?? 0) * 100)} size="small" style={{ width: 90, margin: 0 }} />
              </Flex>
            </Flex>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {[c.productModel ?? c.model, formatInstant(c.receivedAt)].filter(Boolean).join(' · ')}
            </Typography.Text>
            {answer ? (
              <>
                <div>
                  <Typography.Text strong style={{ fontSize: 12 }}>
                    {c.solution ? t('workOrders.solution') : t('workOrders.resolution')}
                  </Typography.Text>
                </div>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }} ellipsis={{ rows: 3, expandable: true }} data-testid="similar-solution">
                  {answer}
                </Typography.Paragraph>
              </>
            ) : null}
          </div>
        );
      })}
    </Flex>
  );
}

/**
 * Earlier orders on the same model and orders with similar descriptions, with what solved
 * them: shown while the fault is being diagnosed. Left out until the server offers it.
 */
export function SimilarCasesPanel({ order }: { order: WorkOrder }) {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const query = useSimilarCases(order.id, true);
  if (query.isError && (isMissingRoute(query.error) || (isApiError(query.error) && query.error.status === 403))) return null;
  return (
    <Card size={mobile ? 'small' : 'medium'} title={t('similar.title')} data-testid="wo-similar">
      {query.isPending ? (
        <PageSpinner />
      ) : query.isError ? (
        <Typography.Text type="danger">{t('errors.loadFailed')}</Typography.Text>
      ) : (
        <Tabs
          size="small"
          defaultActiveKey={query.data.sameModel.length === 0 && query.data.similar.length > 0 ? 'similar' : 'model'}
          items={[
            {
              key: 'model',
              label: t('similar.sameModelN', { n: query.data.sameModel.length }),
              children: <CaseList cases={query.data.sameModel} testId="similar-same-model" />,
            },
            {
              key: 'similar',
              label: t('similar.similarN', { n: query.data.similar.length }),
              children: <CaseList cases={query.data.similar} testId="similar-descriptions" />,
            },
          ]}
        />
      )}
    </Card>
  );
}
