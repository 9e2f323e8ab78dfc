import { Alert, Button, Checkbox, Drawer, Flex, Form, Input, Space } from 'antd';
import { type ReactNode, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import '../../locales/field.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { PageSpinner } from '../../components/PageSpinner.tsx';
import { useIsMobile } from '../../lib/useIsMobile.ts';
import { type OrderRef, useRunAction } from '../work-orders/useRunAction.tsx';
import { useOrderAcceptance } from './api.ts';
import { answeredOnly, QuestionnaireFields } from './QuestionnaireFields.tsx';
import { SignatureCanvas, type SignatureHandle } from './SignatureCanvas.tsx';
import type { AcceptInput } from './types.ts';

interface Values {
  signerName?: string;
  signature?: string;
  rateLater?: boolean;
  rating?: number;
  answers?: Record<string, number | undefined>;
  comment?: string;
}

/** Holds the pad inside a Form.Item, so a server error on `payload.signature` shows under it. */
function PadSlot({ children }: { children: ReactNode; value?: unknown; onChange?: unknown }) {
  return <>{children}</>;
}

/** The payload of `customer_accept` from the form and the pad. */
function acceptPayload(values: Values, signature: string): AcceptInput {
  const comment = values.comment?.trim() || undefined;
  const base = { signerName: values.signerName?.trim() ?? '', signature, comment };
  if (values.rateLater || !values.rating) return base;
  return { ...base, rating: values.rating, answers: answeredOnly(values.answers) };
}

/**
 * The acceptance screen (P4.4.1, P5.1.1), full width on the technician's phone: the customer
 * signs on the pad, gives their name, and rates the service now or later by the emailed survey.
 */
export function AcceptanceDrawer({ order, onClose }: { order: OrderRef; onClose: () => void }) {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const [form] = Form.useForm<Values>();
  const pad = useRef<SignatureHandle>(null);
  const rateLater = Form.useWatch('rateLater', form);
  const { run, pending } = useRunAction();
  const acceptance = useOrderAcceptance(order.id, order.version);

  const submit = async (values: Values) => {
    if (!pad.current || pad.current.isEmpty()) {
      form.setFields([{ name: 'signature', errors: [t('acceptance.signatureEmpty')] }]);
      return;
    }
    const done = await run(order, 'customer_accept', { ...acceptPayload(values, pad.current.toDataURL()) }, form, onClose);
    if (done) onClose();
  };

  return (
    <Drawer
      open
      title={t('acceptance.title')}
      size={mobile ? '100%' : 720}
      onClose={onClose}
      mask={{ closable: false }}
      destroyOnHidden
      footer={
        <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
          <Button onClick={onClose} size={mobile ? 'large' : 'middle'}>
            {t('common.cancel')}
          </Button>
          <Button type="primary" loading={pending} onClick={() => form.submit()} size={mobile ? 'large' : 'middle'} data-testid="accept-submit">
            {t('acceptance.submit')}
          </Button>
        </Space>
      }
    >
      <Form<Values> form={form} layout="vertical" onFinish={submit} scrollToFirstError initialValues={{ rateLater: false }}>
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('acceptance.confirmText')} />
        <Form.Item
          name="signature"
          label={t('acceptance.signature')}
          required
          rules={[
            {
              // P4.4.1: an empty pad is no signature; the server checks the ink again.
              validator: () => (pad.current && !pad.current.isEmpty() ? Promise.resolve() : Promise.reject(new Error(t('acceptance.signatureEmpty')))),
            },
          ]}
        >
          <PadSlot>
            <SignatureCanvas
              ref={pad}
              onChange={(empty) => {
                if (!empty) form.setFields([{ name: 'signature', errors: [] }]);
              }}
            />
          </PadSlot>
        </Form.Item>
        <Form.Item name="signerName" label={t('acceptance.signerName')} rules={[{ required: true, whitespace: true, message: t('acceptance.signerNameRequired') }, { max: 100 }]}>
          <Input maxLength={100} autoComplete="name" data-testid="accept-signer-name" size={mobile ? 'large' : 'middle'} />
        </Form.Item>
        <Form.Item name="rateLater" valuePropName="checked">
          <Checkbox data-testid="accept-rate-later">{t('acceptance.rateLater')}</Checkbox>
        </Form.Item>
        {rateLater ? (
          <Alert type="success" showIcon style={{ marginBottom: 16 }} title={t('acceptance.rateLaterHint')} />
        ) : acceptance.isPending ? (
          <PageSpinner />
        ) : acceptance.isError ? (
          <QueryError error={acceptance.error} onRetry={() => void acceptance.refetch()} />
        ) : (
          <Flex vertical>
            <QuestionnaireFields questionnaire={acceptance.data.questionnaire} testIdPrefix="accept" />
          </Flex>
        )}
        <Form.Item name="comment" label={t('acceptance.comment')} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={3} maxLength={2000} showCount data-testid="accept-comment" />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
