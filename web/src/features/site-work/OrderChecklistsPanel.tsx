import { CameraOutlined, CheckCircleFilled, SafetyOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Flex, Image, Input, InputNumber, Progress, Space, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import type { WorkOrder } from '../../api/types.ts';
import { useUser } from '../../app/auth.tsx';
import { useApiError } from '../../components/useApiError.tsx';
import '../../locales/field.ts';
import { attachmentUrl } from '../work-orders/api.ts';
import { MAX_ATTACHMENT_BYTES } from '../work-orders/attachments.tsx';
import { siteWorkKeys, useOrderChecklists, useRecordItem } from './api.ts';
import { rangeText, textIn } from './checklistText.ts';
import { useSiteWorkLabels } from './labels.ts';
import type { OrderChecklist, OrderChecklistItem } from './types.ts';
import { useOrderRefresh, VISITED_STATES } from './useOrderRefresh.ts';
import { isOutOfRange } from '../../../../core/measurement.ts';

type Photo = { filename: string; contentType: string; dataBase64: string; preview: string };

function readPhoto(file: File): Promise<Photo> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result ?? '');
      resolve({ filename: file.name, contentType: file.type || 'image/jpeg', dataBase64: url.slice(url.indexOf(',') + 1), preview: url });
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

interface ItemRowProps {
  orderId: string;
  checklistId: string;
  item: OrderChecklistItem;
  editable: boolean;
}

/** One item: done, the measured value with its unit and range, a justification when out of range, a photo (P4.3.2). */
function ItemRow({ orderId, checklistId, item, editable }: ItemRowProps) {
  const { t, i18n } = useTranslation();
  const showError = useApiError();
  const record = useRecordItem(orderId);
  const r = item.result;
  const [done, setDone] = useState(r?.done ?? false);
  const [value, setValue] = useState<number | null>(r?.value ?? null);
  const [justification, setJustification] = useState(r?.justification ?? '');
  const [photo, setPhoto] = useState<Photo | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const fileInput = useRef<HTMLInputElement>(null);
  const out = isOutOfRange(item.measurement, value);
  const key = item.key;

  const onPhoto = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_ATTACHMENT_BYTES) {
      setFieldErrors({ photo: t('checklists.photoTooBig') });
      return;
    }
    setPhoto(await readPhoto(file));
  };

  const save = () => {
    setFieldErrors({});
    record.mutate(
      {
        checklistId,
        itemKey: key,
        input: {
          done,
          value: item.measurement ? value : null,
          justification: out ? justification.trim() || null : null,
          note: r?.note ?? null,
          ...(photo ? { photo: { filename: photo.filename, contentType: photo.contentType, dataBase64: photo.dataBase64 } } : {}),
          ...(r ? { version: r.version } : {}),
        },
      },
      {
        onSuccess: () => setPhoto(null),
        onError: (error) => {
          if (isApiError(error) && error.fieldErrors.length > 0) {
            setFieldErrors(Object.fromEntries(error.fieldErrors.map((e) => [e.field, e.message])));
            return;
          }
          showError(error);
        },
      },
    );
  };

  const dirty =
    done !== (r?.done ?? false) || value !== (r?.value ?? null) || justification !== (r?.justification ?? '') || photo !== null;

  return (
    <Card size="small" type="inner" data-testid={`checklist-item-${key}`} style={{ borderColor: item.complete ? '#b7eb8f' : undefined }}>
      <Flex vertical gap={8}>
        <Flex align="flex-start" gap={8} justify="space-between">
          <Checkbox checked={done} disabled={!editable} onChange={(e) => setDone(e.target.checked)} data-testid={`checklist-item-${key}-done`}>
            <Space wrap size={4}>
              <span>{textIn(item.label, i18n.language)}</span>
              {item.required ? <Tag color="red">{t('checklists.required')}</Tag> : <Tag>{t('checklists.optional')}</Tag>}
              {item.photo ? <Tag icon={<CameraOutlined />}>{t('checklists.photoNeeded')}</Tag> : null}
            </Space>
          </Checkbox>
          {item.complete ? <CheckCircleFilled style={{ color: '#52c41a', fontSize: 18 }} data-testid={`checklist-item-${key}-complete`} /> : null}
        </Flex>
        {item.measurement ? (
          <div>
            <InputNumber
              style={{ width: '100%', maxWidth: 260 }}
              value={value}
              disabled={!editable}
              inputMode="decimal"
              onChange={(v) => setValue(typeof v === 'number' ? v : null)}
              suffix={item.measurement.unit}
              status={fieldErrors.value || out ? 'error' : undefined}
              placeholder={t('checklists.valuePlaceholder')}
              data-testid={`checklist-item-${key}-value`}
            />
            <Typography.Text type={out ? 'danger' : 'secondary'} style={{ display: 'block', fontSize: 12 }}>
              {out ? t('checklists.outOfRange', { range: rangeText(item.measurement) }) : t('checklists.range', { range: rangeText(item.measurement) })}
            </Typography.Text>
            {fieldErrors.value ? <Typography.Text type="danger">{fieldErrors.value}</Typography.Text> : null}
          </div>
        ) : null}
        {out ? (
          <div>
            <Input.TextArea
              rows={2}
              maxLength={1000}
              value={justification}
              disabled={!editable}
              onChange={(e) => setJustification(e.target.value)}
              placeholder={t('checklists.justificationPlaceholder')}
              status={fieldErrors.justification ? 'error' : undefined}
              data-testid={`checklist-item-${key}-justification`}
            />
            {fieldErrors.justification ? <Typography.Text type="danger">{fieldErrors.justification}</Typography.Text> : null}
          </div>
        ) : null}
        {item.photo ? (
          <Flex gap={8} align="center" wrap>
            {photo ? <Image src={photo.preview} width={72} /> : r?.attachmentId ? <Image src={attachmentUrl(orderId, r.attachmentId)} width={72} /> : null}
            {editable ? (
              <>
                <input
                  ref={fileInput}
                  type="file"
                  accept="image/*"
                  capture="environment"
                  style={{ display: 'none' }}
                  onChange={(e) => void onPhoto(e.target.files?.[0])}
                  data-testid={`checklist-item-${key}-photo`}
                />
                <Button icon={<CameraOutlined />} onClick={() => fileInput.current?.click()} data-testid={`checklist-item-${key}-photo-button`}>
                  {r?.attachmentId || photo ? t('checklists.retakePhoto') : t('checklists.takePhoto')}
                </Button>
              </>
            ) : null}
            {fieldErrors.photo ? <Typography.Text type="danger">{fieldErrors.photo}</Typography.Text> : null}
          </Flex>
        ) : null}
        {r ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('checklists.recordedBy', { name: r.recordedBy })}
          </Typography.Text>
        ) : null}
        {editable ? (
          <Button type={dirty ? 'primary' : 'default'} disabled={!dirty} loading={record.isPending} onClick={save} block data-testid={`checklist-item-${key}-save`}>
            {t('common.save')}
          </Button>
        ) : null}
      </Flex>
    </Card>
  );
}

function ChecklistCard({ orderId, list, editable }: { orderId: string; list: OrderChecklist; editable: boolean }) {
  const { t, i18n } = useTranslation();
  const labels = useSiteWorkLabels();
  const percent = list.requiredCount ? Math.round((list.requiredDone / list.requiredCount) * 100) : 100;
  return (
    <Card
      size="small"
      data-testid={`checklist-${list.kind}`}
      title={
        <Space wrap>
          {list.kind === 'safety' ? <SafetyOutlined /> : <UnorderedListOutlined />}
          {textIn(list.name, i18n.language)}
          <Tag color={list.kind === 'safety' ? 'orange' : 'blue'}>{labels.checklistKind(list.kind)}</Tag>
        </Space>
      }
      extra={
        <Typography.Text data-testid={`checklist-${list.kind}-progress`}>
          {t('checklists.progress', { done: list.requiredDone, total: list.requiredCount })}
        </Typography.Text>
      }
    >
      <Progress percent={percent} size="small" showInfo={false} status={percent === 100 ? 'success' : 'active'} />
      <Flex vertical gap={8} style={{ marginTop: 8 }}>
        {list.items.map((item) => (
          // The key carries the result version, so a row starts afresh from what the server recorded.
          <ItemRow key={`${item.key}-${item.result?.version ?? 0}`} orderId={orderId} checklistId={list.id} item={item} editable={editable} />
        ))}
      </Flex>
    </Card>
  );
}

/** P4.3.2, P2.3.1, P2.3.3: the procedure and safety checklists the visit must complete. */
export function OrderChecklistsPanel({ order }: { order: WorkOrder }) {
  const { t } = useTranslation();
  const user = useUser();
  const applies = user.role !== 'customer' && (VISITED_STATES as readonly string[]).includes(order.state);
  const lists = useOrderChecklists(order.id, applies);
  useOrderRefresh(siteWorkKeys.checklists(order.id), order.version);
  if (!applies || !lists.data || lists.data.items.length === 0) return null;
  return (
    <Card size="small" title={t('checklists.orderTitle')} style={{ marginBottom: 16 }} data-testid="checklist-panel">
      <Flex vertical gap={12}>
        {lists.data.items.map((list) => (
          <ChecklistCard key={list.id} orderId={order.id} list={list} editable={lists.data.abilities.record} />
        ))}
      </Flex>
    </Card>
  );
}
