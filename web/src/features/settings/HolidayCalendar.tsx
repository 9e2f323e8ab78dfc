import { DeleteOutlined, EditOutlined, LeftOutlined, PlusOutlined, RightOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, DatePicker, Flex, Form, Input, Popconfirm, Radio, Row, Table, Tag, Tooltip, Typography, theme } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { type HTMLAttributes, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarDay, CalendarDayKind } from '../../api/types.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { useLabels } from '../../components/labels.ts';
import { PageSpinner } from '../../components/PageSpinner.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useApiError } from '../../components/useApiError.tsx';
import { useUrlFilters } from '../../components/useUrlFilters.ts';
import { fromDateString, todayInCompany, toDateString } from '../../lib/time.ts';
import { useIsMobile } from '../../lib/useIsMobile.ts';
import { useCalendarYear, useDeleteCalendarDay, useSaveCalendarDay } from './api.ts';

const KIND_COLORS: Record<CalendarDayKind, string> = { holiday: 'red', workday: 'blue' };

interface DayValues {
  date: Dayjs;
  kind: CalendarDayKind;
  name: string;
}

function DayModal({ year, day, date, onClose }: { year: number; day: CalendarDay | null; date: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const { message } = App.useApp();
  const showError = useApiError();
  const [form] = Form.useForm<DayValues>();
  const save = useSaveCalendarDay(year);
  const initialDate = day?.date ?? date;
  const weekend = initialDate ? [0, 6].includes(dayjs(initialDate).day()) : false;
  return (
    <FormModal<DayValues>
      title={day ? t('calendar.editDay', { date: day.date }) : t('calendar.addDay')}
      form={form}
      submitting={save.isPending}
      onCancel={onClose}
      initialValues={{
        date: fromDateString(initialDate),
        kind: day?.kind ?? (weekend ? 'workday' : 'holiday'),
        name: day?.name ?? '',
      }}
      onFinish={(v) =>
        save.mutate(
          { date: toDateString(v.date) ?? '', kind: v.kind, name: v.name.trim(), version: day?.version },
          {
            onSuccess: () => {
              message.success(t('common.saved'));
              onClose();
            },
            onError: (error) => showError(error, { form, onReload: onClose }),
          },
        )
      }
    >
      <Form.Item name="date" label={t('calendar.date')} rules={[{ required: true, message: t('validation.required') }]}>
        <DatePicker style={{ width: '100%' }} disabled={Boolean(day)} data-testid="calendar-date" />
      </Form.Item>
      <Form.Item name="kind" label={t('calendar.kind')} rules={[{ required: true, message: t('validation.required') }]} extra={t('calendar.kindHint')}>
        <Radio.Group
          optionType="button"
          options={(['holiday', 'workday'] as const).map((value) => ({ value, label: labels.calendarDayKind(value) }))}
          data-testid="calendar-kind"
        />
      </Form.Item>
      <Form.Item name="name" label={t('calendar.name')} rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 60 }]}>
        <Input maxLength={60} placeholder={t('calendar.namePlaceholder')} data-testid="calendar-name" />
      </Form.Item>
    </FormModal>
  );
}

/** One month, Monday first: holidays red, make-up working days blue, weekends grey. */
function Month({ year, month, days, onPick }: { year: number; month: number; days: Map<string, CalendarDay>; onPick?: (date: string) => void }) {
  const { token } = theme.useToken();
  const first = dayjs(new Date(year, month, 1));
  const offset = (first.day() + 6) % 7;
  const count = first.daysInMonth();
  const today = todayInCompany();
  const weekdays = Array.from({ length: 7 }, (_, i) => dayjs('2024-01-01').add(i, 'day').format('dd'));
  const blanks = Array.from({ length: offset }, (_, i) => first.subtract(offset - i, 'day').format('YYYY-MM-DD'));
  const cells = Array.from({ length: count }, (_, i) => first.add(i, 'day'));
  return (
    <div data-testid={`calendar-month-${month + 1}`}>
      <Typography.Text strong>{first.format('MMMM')}</Typography.Text>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(7, 1fr)', gap: 2, marginTop: 4, fontSize: 12, textAlign: 'center' }}>
        {weekdays.map((w) => (
          <div key={w} style={{ color: token.colorTextTertiary }}>
            {w}
          </div>
        ))}
        {blanks.map((date) => (
          <div key={date} />
        ))}
        {cells.map((d) => {
          const date = d.format('YYYY-MM-DD');
          const entry = days.get(date);
          const weekend = d.day() === 0 || d.day() === 6;
          const background = entry?.kind === 'holiday' ? token.colorErrorBg : entry?.kind === 'workday' ? token.colorInfoBg : undefined;
          const color = entry?.kind === 'holiday' ? token.colorError : entry?.kind === 'workday' ? token.colorInfo : weekend ? token.colorTextTertiary : token.colorText;
          const cell = (
            <button
              key={date}
              type="button"
              disabled={!onPick}
              onClick={() => onPick?.(date)}
              data-testid={`calendar-day-${date}`}
              data-kind={entry?.kind ?? ''}
              style={{
                font: 'inherit',
                border: date === today ? `1px solid ${token.colorPrimary}` : '1px solid transparent',
                borderRadius: 4,
                background: background ?? 'transparent',
                color,
                padding: '2px 0',
                cursor: onPick ? 'pointer' : 'default',
                fontWeight: entry ? 600 : undefined,
              }}
            >
              {d.date()}
            </button>
          );
          return entry ? (
            <Tooltip key={date} title={entry.name}>
              {cell}
            </Tooltip>
          ) : (
            <span key={date}>{cell}</span>
          );
        })}
      </div>
    </div>
  );
}

/**
 * The holiday calendar SLA clocks run on: statutory holidays (no clock) and make-up working
 * days (clock runs although a weekend), by year.
 */
export function HolidayCalendar() {
  const { t } = useTranslation();
  const labels = useLabels();
  const mobile = useIsMobile();
  const url = useUrlFilters();
  const thisYear = Number(todayInCompany().slice(0, 4));
  const asked = Number(url.get('year'));
  const year = Number.isInteger(asked) && asked >= 1900 && asked <= 2100 ? asked : thisYear;
  const query = useCalendarYear(year);
  const remove = useDeleteCalendarDay(year);
  const showError = useApiError();
  const [editing, setEditing] = useState<{ day: CalendarDay | null; date: string | null } | null>(null);
  const days = useMemo(() => new Map((query.data?.items ?? []).map((d) => [d.date, d])), [query.data]);
  const canEdit = Boolean(query.data?.abilities.update);
  const setYear = (next: number) => url.set({ year: next === thisYear ? undefined : String(next) });
  const items = [...(query.data?.items ?? [])].sort((a, b) => a.date.localeCompare(b.date));

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Flex align="center" gap={4}>
          <Button icon={<LeftOutlined />} onClick={() => setYear(year - 1)} aria-label={t('calendar.previousYear')} data-testid="calendar-prev" />
          <Typography.Title level={4} style={{ margin: '0 8px' }} data-testid="calendar-year">
            {year}
          </Typography.Title>
          <Button icon={<RightOutlined />} onClick={() => setYear(year + 1)} aria-label={t('calendar.nextYear')} data-testid="calendar-next" />
        </Flex>
        <Flex align="center" gap={8} wrap>
          <Tag color={KIND_COLORS.holiday}>{labels.calendarDayKind('holiday')}</Tag>
          <Tag color={KIND_COLORS.workday}>{labels.calendarDayKind('workday')}</Tag>
          {canEdit ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ day: null, date: null })} data-testid="calendar-add">
              {t('calendar.addDay')}
            </Button>
          ) : null}
        </Flex>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('calendar.intro')}
      </Typography.Paragraph>
      {query.isPending ? (
        <PageSpinner />
      ) : query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <>
          <Card size={mobile ? 'small' : 'medium'}>
            <Row gutter={[24, 16]}>
              {Array.from({ length: 12 }, (_, month) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the twelve months of a year
                <Col key={month} xs={24} sm={12} lg={8} xl={6}>
                  <Month
                    year={year}
                    month={month}
                    days={days}
                    onPick={canEdit ? (date) => setEditing({ day: days.get(date) ?? null, date }) : undefined}
                  />
                </Col>
              ))}
            </Row>
          </Card>
          <Card size={mobile ? 'small' : 'medium'} title={t('calendar.listN', { n: items.length })}>
            <Table<CalendarDay>
              rowKey="date"
              size="small"
              pagination={false}
              scroll={{ x: 'max-content' }}
              dataSource={items}
              locale={{ emptyText: t('calendar.none') }}
              onRow={(d) => ({ 'data-testid': `calendar-row-${d.date}` }) as HTMLAttributes<HTMLElement>}
              columns={[
                { title: t('calendar.date'), dataIndex: 'date', key: 'date' },
                { title: t('calendar.weekday'), key: 'weekday', render: (_, d) => dayjs(d.date).format('dddd') },
                { title: t('calendar.kind'), key: 'kind', render: (_, d) => <Tag color={KIND_COLORS[d.kind]}>{labels.calendarDayKind(d.kind)}</Tag> },
                { title: t('calendar.name'), dataIndex: 'name', key: 'name' },
                ...(canEdit
                  ? [
                      {
                        key: 'actions',
                        width: 96,
                        render: (_: unknown, d: CalendarDay) => (
                          <Flex gap={4}>
                            <Button type="text" size="small" icon={<EditOutlined />} aria-label={t('common.edit')} onClick={() => setEditing({ day: d, date: d.date })} />
                            <Popconfirm
                              title={t('calendar.deleteConfirm', { date: d.date, name: d.name })}
                              okText={t('common.remove')}
                              cancelText={t('common.cancel')}
                              okButtonProps={{ danger: true }}
                              onConfirm={() => remove.mutateAsync(d.date).catch((error: unknown) => showError(error))}
                            >
                              <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t('common.remove')} data-testid={`calendar-delete-${d.date}`} />
                            </Popconfirm>
                          </Flex>
                        ),
                      },
                    ]
                  : []),
              ]}
            />
          </Card>
        </>
      )}
      {editing ? <DayModal year={year} day={editing.day} date={editing.date} onClose={() => setEditing(null)} /> : null}
    </Flex>
  );
}
