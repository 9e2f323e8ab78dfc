import { useQueryClient } from '@tanstack/react-query';
import { isApiError } from '../../api/client.ts';
import { CheckCircleOutlined, TeamOutlined, UserAddOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Flex, Form, Input, Select, Tag, Typography, theme } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Consultation, ConsultationMessage, Ref, WorkOrder } from '../../api/types.ts';
import { useUser } from '../../app/auth.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { PageSpinner } from '../../components/PageSpinner.tsx';
import { useApiError } from '../../components/useApiError.tsx';
import { formatInstant } from '../../lib/time.ts';
import { useIsMobile } from '../../lib/useIsMobile.ts';
import { consultationApi, isMissingRoute, useConsultations, useConsultationWrite, workOrderKeys } from './api.ts';
import { TechniciansSelect } from './TechnicianPicker.tsx';
import { threads } from './threads.ts';

const nameOf = (who: string | Ref | null | undefined) => (typeof who === 'string' ? who : (who?.name ?? ''));

function OpenConsultationModal({ order, onClose }: { order: WorkOrder; onClose: () => void }) {
  const { t } = useTranslation();
  const user = useUser();
  const showError = useApiError();
  const [form] = Form.useForm<{ topic: string; inviteeIds: string[] }>();
  const open = useConsultationWrite(order.id, (v: { topic: string; inviteeIds: string[] }) => consultationApi.open(order.id, v));
  return (
    <FormModal
      title={t('consult.open')}
      form={form}
      submitting={open.isPending}
      okText={t('consult.open')}
      onCancel={onClose}
      initialValues={{ topic: order.title, inviteeIds: [] }}
      onFinish={(v) =>
        open.mutate({ topic: v.topic.trim(), inviteeIds: v.inviteeIds }, { onSuccess: onClose, onError: (error) => showError(error, { form }) })
      }
    >
      <Form.Item name="topic" label={t('consult.topic')} rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 200 }]}>
        <Input maxLength={200} data-testid="consult-topic" />
      </Form.Item>
      <Form.Item name="inviteeIds" label={t('consult.invitees')} rules={[{ required: true, message: t('validation.required') }]} extra={t('consult.inviteesHint')}>
        <TechniciansSelect exclude={user.employeeId} data-testid="consult-invitees" />
      </Form.Item>
    </FormModal>
  );
}

function InviteModal({ order, consultation, onClose }: { order: WorkOrder; consultation: Consultation; onClose: () => void }) {
  const { t } = useTranslation();
  const user = useUser();
  const showError = useApiError();
  const [form] = Form.useForm<{ inviteeIds: string[] }>();
  const invite = useConsultationWrite(order.id, (ids: string[]) => consultationApi.invite(consultation.id, ids));
  return (
    <FormModal
      title={t('consult.invite')}
      form={form}
      submitting={invite.isPending}
      okText={t('consult.invite')}
      onCancel={onClose}
      onFinish={(v) => invite.mutate(v.inviteeIds, { onSuccess: onClose, onError: (error) => showError(error, { form }) })}
    >
      <Form.Item name="inviteeIds" label={t('consult.invitees')} rules={[{ required: true, message: t('validation.required') }]}>
        <TechniciansSelect exclude={user.employeeId} data-testid="consult-invite-ids" />
      </Form.Item>
    </FormModal>
  );
}

function AgreeModal({ order, consultation, onClose }: { order: WorkOrder; consultation: Consultation; onClose: () => void }) {
  const { t } = useTranslation();
  const showError = useApiError();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ solution: string }>();
  const agree = useConsultationWrite(order.id, (solution: string) => consultationApi.agree(consultation.id, { solution, version: consultation.version }));
  return (
    <FormModal
      title={t('consult.agree')}
      form={form}
      submitting={agree.isPending}
      okText={t('consult.agree')}
      onCancel={onClose}
      onFinish={(v) =>
        agree.mutate(v.solution.trim(), {
          onSuccess: onClose,
          onError: (error) =>
            showError(error, {
              form,
              onReload: () => {
                void queryClient.invalidateQueries({ queryKey: workOrderKeys.consultations(order.id) });
                onClose();
              },
            }),
        })
      }
    >
      <Typography.Paragraph type="secondary">{t('consult.agreeIntro')}</Typography.Paragraph>
      <Form.Item name="solution" label={t('workOrders.solution')} rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 4000 }]}>
        <Input.TextArea rows={5} maxLength={4000} showCount data-testid="consult-solution" />
      </Form.Item>
    </FormModal>
  );
}

function MessageComposer({ order, consultation, parentId, onDone }: { order: WorkOrder; consultation: Consultation; parentId?: string; onDone?: () => void }) {
  const { t } = useTranslation();
  const showError = useApiError();
  const user = useUser();
  const [form] = Form.useForm<{ body: string; mentions: string[] }>();
  const send = useConsultationWrite(order.id, (v: { body: string; mentions: string[] }) =>
    consultationApi.message(consultation.id, { body: v.body, parentId: parentId ?? null, mentions: v.mentions }),
  );
  const people = consultation.participants.filter((p) => p.id !== user.employeeId).map((p) => ({ value: p.id, label: `@${p.name}` }));
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ mentions: [] }}
      onFinish={(v) =>
        send.mutate(
          { body: v.body.trim(), mentions: v.mentions ?? [] },
          {
            onSuccess: () => {
              form.resetFields();
              onDone?.();
            },
            onError: (error) => showError(error, { form }),
          },
        )
      }
    >
      <Form.Item name="body" rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 8000 }]} style={{ marginBottom: 8 }}>
        <Input.TextArea rows={2} maxLength={8000} placeholder={t('consult.messagePlaceholder')} data-testid="consult-message-body" />
      </Form.Item>
      <Flex gap={8} wrap>
        <Form.Item name="mentions" style={{ flex: 1, minWidth: 180, marginBottom: 0 }}>
          <Select mode="multiple" options={people} placeholder={t('consult.mention')} allowClear data-testid="consult-mentions" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={send.isPending} data-testid="consult-send">
          {t('consult.send')}
        </Button>
      </Flex>
    </Form>
  );
}

function MessageItem({
  order,
  consultation,
  message,
  replies,
  canPost,
}: {
  order: WorkOrder;
  consultation: Consultation;
  message: ConsultationMessage;
  replies: ConsultationMessage[];
  canPost: boolean;
}) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const [replying, setReplying] = useState(false);
  const names = new Map(consultation.participants.map((p) => [p.id, p.name]));
  const mentions = (message.mentions ?? []).map((m) => (typeof m === 'string' ? (names.get(m) ?? '') : m.name)).filter(Boolean);
  return (
    <div data-testid="consult-message">
      <Flex gap={8} wrap align="baseline">
        <Typography.Text strong>{nameOf(message.author)}</Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {formatInstant(message.createdAt)}
        </Typography.Text>
        {mentions.map((m) => (
          <Tag key={m} color="blue">
            @{m}
          </Tag>
        ))}
      </Flex>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '2px 0 0' }}>{message.body}</Typography.Paragraph>
      {canPost && consultation.status === 'open' ? (
        replying ? (
          <MessageComposer order={order} consultation={consultation} parentId={message.id} onDone={() => setReplying(false)} />
        ) : (
          <Button type="link" size="small" style={{ paddingInline: 0 }} onClick={() => setReplying(true)}>
            {t('workOrders.reply')}
          </Button>
        )
      ) : null}
      {replies.length > 0 ? (
        <Flex vertical gap={8} style={{ paddingInlineStart: 16, borderInlineStart: `2px solid ${token.colorBorder}`, marginTop: 4 }}>
          {replies.map((c) => (
            <MessageItem key={c.id} order={order} consultation={consultation} message={c} replies={[]} canPost={canPost} />
          ))}
        </Flex>
      ) : null}
    </div>
  );
}

function ConsultationCard({ order, consultation }: { order: WorkOrder; consultation: Consultation }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const user = useUser();
  const [inviting, setInviting] = useState(false);
  const [agreeing, setAgreeing] = useState(false);
  const join = useConsultationWrite(order.id, () => consultationApi.join(consultation.id));
  const me = consultation.participants.find((p) => p.id === user.employeeId);
  const joined = Boolean(me && (me.joinedAt || me.role === 'owner'));
  const open = consultation.status === 'open';
  // The server says what the caller may do; an older one did not, and then it is inferred.
  const may = {
    join: consultation.abilities?.join ?? Boolean(open && me && !joined),
    invite: consultation.abilities?.invite ?? (open && joined),
    post: consultation.abilities?.post ?? (open && joined),
    agree: consultation.abilities?.agree ?? (open && joined),
  };
  const { roots, replies: children } = useMemo(() => threads(consultation.messages), [consultation.messages]);

  return (
    <Card
      type="inner"
      size="small"
      data-testid="consultation"
      title={
        <Flex gap={8} align="center" wrap>
          <TeamOutlined />
          <span>{consultation.topic}</span>
          <Tag color={open ? 'processing' : 'success'}>{open ? t('consult.statusOpen') : t('consult.statusAgreed')}</Tag>
        </Flex>
      }
      extra={
        may.join || may.invite || may.agree ? (
          <Flex gap={4}>
            {may.join ? (
              <Button
                size="small"
                type="primary"
                loading={join.isPending}
                data-testid="consult-join"
                onClick={() => join.mutate(undefined, { onSuccess: () => message.success(t('consult.joined')), onError: (e) => showError(e) })}
              >
                {t('consult.join')}
              </Button>
            ) : null}
            {may.invite ? (
              <Button size="small" icon={<UserAddOutlined />} onClick={() => setInviting(true)} data-testid="consult-invite">
                {t('consult.invite')}
              </Button>
            ) : null}
            {may.agree ? (
              <Button size="small" icon={<CheckCircleOutlined />} onClick={() => setAgreeing(true)} data-testid="consult-agree">
                {t('consult.agree')}
              </Button>
            ) : null}
          </Flex>
        ) : null
      }
    >
      <Flex vertical gap={10}>
        <Flex gap={4} wrap>
          {consultation.participants.map((p) => (
            <Tag key={p.id} color={p.contributed ? 'green' : p.joinedAt || p.role === 'owner' ? 'blue' : 'default'}>
              {p.name}
              {p.role === 'owner' ? ` · ${t('consult.owner')}` : p.joinedAt ? '' : ` · ${t('consult.invited')}`}
            </Tag>
          ))}
        </Flex>
        {consultation.agreedSolution ? (
          <div data-testid="consult-agreed-solution">
            <Typography.Text strong>{t('consult.agreedSolution')}</Typography.Text>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{consultation.agreedSolution}</Typography.Paragraph>
          </div>
        ) : null}
        {roots.length === 0 ? <Typography.Text type="secondary">{t('consult.noMessages')}</Typography.Text> : null}
        {roots.map((m) => (
          <MessageItem key={m.id} order={order} consultation={consultation} message={m} replies={children.get(m.id) ?? []} canPost={may.post} />
        ))}
        {may.post ? <MessageComposer order={order} consultation={consultation} /> : null}
      </Flex>
      {inviting ? <InviteModal order={order} consultation={consultation} onClose={() => setInviting(false)} /> : null}
      {agreeing ? <AgreeModal order={order} consultation={consultation} onClose={() => setAgreeing(false)} /> : null}
    </Card>
  );
}

/** Team consultation on a complex fault (P4.2.3): invite colleagues, discuss, agree the solution. */
export function ConsultationPanel({ order }: { order: WorkOrder }) {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const [opening, setOpening] = useState(false);
  const query = useConsultations(order.id, true);
  const missing = query.isError && isMissingRoute(query.error);
  const items = query.data ?? [];
  if (query.isError && isApiError(query.error) && query.error.status === 403) return null;
  if (!order.abilities.consult && (missing || (query.isSuccess && items.length === 0))) return null;
  return (
    <Card
      size={mobile ? 'small' : 'medium'}
      title={t('consult.title')}
      data-testid="wo-consultations"
      extra={
        order.abilities.consult && !missing ? (
          <Button size="small" icon={<TeamOutlined />} onClick={() => setOpening(true)} data-testid="consult-open">
            {t('consult.open')}
          </Button>
        ) : null
      }
    >
      {query.isPending ? (
        <PageSpinner />
      ) : missing ? (
        <Typography.Text type="secondary" data-testid="consult-unavailable">
          {t('consult.unavailable')}
        </Typography.Text>
      ) : query.isError ? (
        <Typography.Text type="danger">{t('errors.loadFailed')}</Typography.Text>
      ) : items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('consult.none')} />
      ) : (
        <Flex vertical gap={12}>
          {items.map((c) => (
            <ConsultationCard key={c.id} order={order} consultation={c} />
          ))}
        </Flex>
      )}
      {opening ? <OpenConsultationModal order={order} onClose={() => setOpening(false)} /> : null}
    </Card>
  );
}
