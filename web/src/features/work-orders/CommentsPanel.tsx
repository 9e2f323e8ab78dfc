import { LockOutlined, MessageOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Flex, Form, Input, Segmented, Tag, Typography, theme, type UploadFile } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommentInput, OrderComment, WorkOrder } from '../../api/types.ts';
import { useLabels } from '../../components/labels.ts';
import { useApiError } from '../../components/useApiError.tsx';
import { formatInstant } from '../../lib/time.ts';
import { useIsMobile } from '../../lib/useIsMobile.ts';
import { useAddComment } from './api.ts';
import { AttachmentList, AttachmentUpload, toAttachmentInputs, uploadValue } from './attachments.tsx';
import { threads } from './threads.ts';

const KIND_COLORS: Record<string, string> = { question: 'blue', answer: 'green', note: 'gold', email: 'cyan', comment: 'default' };

interface ComposerValues {
  body: string;
  files?: UploadFile[];
}

/** Writes a comment, question, answer or internal note (with files). */
function Composer({
  order,
  kind,
  parentId,
  placeholder,
  submitLabel,
  testId,
  onDone,
}: {
  order: WorkOrder;
  kind: CommentInput['kind'];
  parentId?: string;
  placeholder: string;
  submitLabel: string;
  testId: string;
  onDone?: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const [form] = Form.useForm<ComposerValues>();
  const add = useAddComment(order.id);
  const [reading, setReading] = useState(false);
  return (
    <Form<ComposerValues>
      form={form}
      layout="vertical"
      onFinish={async (v) => {
        setReading(true);
        let attachments: CommentInput['attachments'];
        try {
          attachments = await toAttachmentInputs(v.files);
        } finally {
          setReading(false);
        }
        add.mutate(
          { kind, body: v.body.trim(), parentId: parentId ?? null, attachments },
          {
            onSuccess: () => {
              form.resetFields();
              message.success(t('workOrders.commentSent'));
              onDone?.();
            },
            onError: (error) => showError(error, { form, mapField: (f) => (f === 'body' ? 'body' : f.startsWith('attachments') ? 'files' : f) }),
          },
        );
      }}
    >
      <Form.Item name="body" rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 8000 }]} style={{ marginBottom: 8 }}>
        <Input.TextArea rows={3} maxLength={8000} placeholder={placeholder} data-testid={`${testId}-body`} />
      </Form.Item>
      <Flex justify="space-between" align="start" gap={8} wrap>
        <Form.Item name="files" valuePropName="fileList" getValueFromEvent={uploadValue} style={{ marginBottom: 0, flex: 1, minWidth: 0 }}>
          <AttachmentUpload />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={add.isPending || reading} data-testid={testId}>
          {submitLabel}
        </Button>
      </Flex>
    </Form>
  );
}

function CommentItem({
  order,
  comment,
  replies,
  customer,
  nested = false,
}: {
  order: WorkOrder;
  comment: OrderComment;
  replies: OrderComment[];
  customer: boolean;
  nested?: boolean;
}) {
  const { t } = useTranslation();
  const labels = useLabels();
  const { token } = theme.useToken();
  const [replying, setReplying] = useState(false);
  const internal = comment.visibility === 'internal';
  // Threads are one level deep: replies go under the comment that opened the thread.
  const canAnswer = !nested && !customer && comment.kind === 'question' && order.abilities.answer;
  const canReply = !nested && !customer && comment.kind !== 'question' && order.abilities.comment;
  return (
    <div
      data-testid={`comment-${comment.kind}`}
      style={{
        padding: 12,
        borderRadius: 8,
        background: internal ? token.colorWarningBg : token.colorFillQuaternary,
        border: `1px solid ${internal ? token.colorWarningBorder : token.colorBorderSecondary}`,
      }}
    >
      <Flex justify="space-between" gap={8} wrap>
        <span>
          <Typography.Text strong>{comment.author}</Typography.Text>{' '}
          <Tag color={KIND_COLORS[comment.kind] ?? 'default'} icon={internal ? <LockOutlined /> : undefined}>
            {internal ? t('workOrders.internal') : labels.commentKind(comment.kind)}
          </Tag>
        </span>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {formatInstant(comment.createdAt)}
        </Typography.Text>
      </Flex>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '6px 0 0' }}>{comment.body}</Typography.Paragraph>
      <AttachmentList orderId={order.id} attachments={comment.attachments} />
      {replies.length > 0 ? (
        <Flex vertical gap={8} style={{ marginTop: 8, paddingInlineStart: 16, borderInlineStart: `2px solid ${token.colorBorder}` }}>
          {replies.map((r) => (
            <CommentItem key={r.id} order={order} comment={r} replies={[]} customer={customer} nested />
          ))}
        </Flex>
      ) : null}
      {canAnswer || canReply ? (
        replying ? (
          <div style={{ marginTop: 8 }}>
            <Composer
              order={order}
              kind={canAnswer ? 'answer' : comment.visibility === 'internal' ? 'note' : 'comment'}
              parentId={comment.id}
              placeholder={canAnswer ? t('workOrders.answerPlaceholder') : t('workOrders.replyPlaceholder')}
              submitLabel={canAnswer ? t('workOrders.sendAnswer') : t('workOrders.sendReply')}
              testId={canAnswer ? 'answer-submit' : 'reply-submit'}
              onDone={() => setReplying(false)}
            />
          </div>
        ) : (
          <Button
            type="link"
            size="small"
            icon={<MessageOutlined />}
            style={{ paddingInline: 0, marginTop: 4 }}
            onClick={() => setReplying(true)}
            data-testid={canAnswer ? 'comment-answer' : 'comment-reply'}
          >
            {canAnswer ? t('workOrders.answer') : t('workOrders.reply')}
          </Button>
        )
      ) : null}
    </div>
  );
}

/**
 * The conversation about an order (P4.3.3): the customer's questions and the answers, staff
 * comments, and internal notes (staff only; the server never sends them to a customer).
 */
export function CommentsPanel({ order, customer = false }: { order: WorkOrder; customer?: boolean }) {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const [kind, setKind] = useState<'comment' | 'note'>('comment');
  const { roots, replies } = useMemo(() => threads(order.comments), [order.comments]);

  return (
    <Card size={mobile ? 'small' : 'medium'} title={customer ? t('portal.questions') : t('workOrders.comments')} data-testid="wo-comments">
      <Flex vertical gap={12}>
        {roots.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={customer ? t('portal.noQuestions') : t('workOrders.noComments')} /> : null}
        {roots.map((c) => (
          <CommentItem key={c.id} order={order} comment={c} replies={replies.get(c.id) ?? []} customer={customer} />
        ))}
        {order.abilities.comment ? (
          customer ? (
            <Composer order={order} kind="question" placeholder={t('portal.askPlaceholder')} submitLabel={t('portal.ask')} testId="portal-ask" />
          ) : (
            <>
              {order.abilities.internalNote ? (
                <Segmented<'comment' | 'note'>
                  value={kind}
                  onChange={setKind}
                  options={[
                    { value: 'comment', label: t('workOrders.publicComment') },
                    { value: 'note', label: t('workOrders.internalNote'), icon: <LockOutlined /> },
                  ]}
                  data-testid="comment-kind"
                />
              ) : null}
              <Composer
                key={kind}
                order={order}
                kind={kind}
                placeholder={kind === 'note' ? t('workOrders.notePlaceholder') : t('workOrders.commentPlaceholder')}
                submitLabel={kind === 'note' ? t('workOrders.addNote') : t('workOrders.sendComment')}
                testId="comment-submit"
              />
            </>
          )
        ) : null}
      </Flex>
    </Card>
  );
}
