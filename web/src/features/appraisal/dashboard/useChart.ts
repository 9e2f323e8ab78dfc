import type { EChartsType } from 'echarts/core';
import { useEffect, useRef } from 'react';

/** What ECharts passes to a click on a point or a bar. */
export interface ChartClick {
  seriesIndex?: number;
  seriesId?: string;
  dataIndex: number;
  name?: string;
}

/**
 * An ECharts instance on a div: ECharts loads with the first chart shown (lib/echarts.ts), the
 * option is replaced whenever it changes, clicks go to the latest handler, and the chart follows
 * the window's size.
 */
export function useChart(option: unknown, onClick?: (click: ChartClick) => void) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const latest = useRef({ option, onClick });
  latest.current = { option, onClick };

  useEffect(() => {
    let disposed = false;
    const resize = () => chart.current?.resize();
    void import('../../../lib/echarts.ts').then(({ echarts }) => {
      if (disposed || !element.current) return;
      const instance = echarts.init(element.current);
      instance.on('click', (params) => latest.current.onClick?.(params as unknown as ChartClick));
      instance.setOption(latest.current.option as never, true);
      chart.current = instance;
      window.addEventListener('resize', resize);
    });
    return () => {
      disposed = true;
      window.removeEventListener('resize', resize);
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option as never, true);
  }, [option]);

  return element;
}
