import { Button, type ButtonProps, Popconfirm } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface ConfirmButtonProps extends Omit<ButtonProps, 'onClick' | 'title'> {
  /** The question asked before acting. */
  confirm: ReactNode;
  description?: ReactNode;
  okText: ReactNode;
  danger?: boolean;
  onConfirm: () => Promise<unknown>;
}

/**
 * A button that asks first. The confirmation's OK is `confirm-ok` for the browser tests; the
 * popup leaves the page when it closes, so only one such button is ever there.
 */
export function ConfirmButton({ confirm, description, okText, danger, onConfirm, children, ...button }: ConfirmButtonProps) {
  const { t } = useTranslation();
  return (
    <Popconfirm
      title={confirm}
      description={description}
      okText={okText}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger, 'data-testid': 'confirm-ok' } as ButtonProps}
      onConfirm={onConfirm}
      destroyOnHidden
    >
      <Button danger={danger} {...button}>
        {children}
      </Button>
    </Popconfirm>
  );
}
