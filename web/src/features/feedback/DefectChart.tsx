import { Empty } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { DefectReport } from './types.ts';

/** Defects per month, categories stacked (P2.2.2). ECharts loads only when this chart is shown. */
export function DefectChart({ report, categoryLabel }: { report: DefectReport; categoryLabel: (key: string) => string }) {
  const { t } = useTranslation();
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const categories = [...new Set(report.cells.map((c) => c.category))];
    let disposed = false;
    let chart: { setOption: (o: unknown) => void; resize: () => void; dispose: () => void } | null = null;
    const resize = () => chart?.resize();
    void import('../../lib/echarts.ts').then(({ echarts }) => {
      if (disposed || !element.current) return;
      chart = echarts.init(element.current);
      chart.setOption({
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        legend: { type: 'scroll', bottom: 0 },
        grid: { left: 40, right: 16, top: 24, bottom: 48 },
        xAxis: { type: 'category', data: report.months },
        yAxis: { type: 'value', minInterval: 1, name: t('defectReport.count') },
        series: categories.map((category) => ({
          name: categoryLabel(category),
          type: 'bar',
          stack: 'defects',
          emphasis: { focus: 'series' },
          data: report.months.map((m) => report.cells.filter((c) => c.month === m && c.category === category).reduce((sum, c) => sum + c.count, 0)),
        })),
      });
      window.addEventListener('resize', resize);
    });
    return () => {
      disposed = true;
      window.removeEventListener('resize', resize);
      chart?.dispose();
    };
  }, [report, categoryLabel, t]);

  if (!report.cells.length) return <Empty description={t('defectReport.empty')} />;
  return <div ref={element} style={{ width: '100%', height: 320 }} data-testid="defect-chart" />;
}
