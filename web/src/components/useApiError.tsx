import { App, type FormInstance } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client.ts';
import { applyFieldErrors, type FieldMapper } from './formErrors.ts';

export interface ApiErrorOptions {
  /** Field errors go under the fields of this form. */
  form?: FormInstance;
  mapField?: FieldMapper;
  /** Offered on `conflict.stale`: reload the record someone else changed. */
  onReload?: () => void;
}

/**
 * Shows a failed API call to the user: field errors under their fields, a stale-record
 * dialog offering a reload, otherwise a notification with the localized title and detail.
 */
export function useApiError() {
  const { t } = useTranslation();
  const { message, modal, notification } = App.useApp();

  return useCallback(
    (error: unknown, options: ApiErrorOptions = {}) => {
      if (!isApiError(error)) {
        notification.error({ title: t('errors.unexpected'), description: error instanceof Error ? error.message : undefined });
        return;
      }
      if (error.code === 'conflict.stale') {
        modal.confirm({
          title: t('errors.staleTitle'),
          content: error.detail || t('errors.staleBody'),
          okText: t('errors.reload'),
          cancelText: t('common.cancel'),
          onOk: options.onReload,
        });
        return;
      }
      if (error.status === 0) {
        notification.error({ title: t('errors.networkTitle'), description: t('errors.network') });
        return;
      }
      if (error.status === 401 && error.code === 'auth.required') {
        message.warning(t('errors.sessionExpired'));
        return;
      }
      const unplaced = options.form ? applyFieldErrors(options.form, error.fieldErrors, options.mapField) : error.fieldErrors;
      const title = error.title || t('errors.requestFailed');
      if (error.fieldErrors.length > 0 && unplaced.length === 0) {
        message.error(title);
        return;
      }
      const lines = unplaced.map((e) => e.message).filter(Boolean);
      notification.error({
        title,
        description:
          error.detail || lines.length > 0 ? (
            <>
              {error.detail ? <div>{error.detail}</div> : null}
              {lines.length > 0 ? (
                <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                  {lines.map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              ) : null}
            </>
          ) : undefined,
      });
    },
    [t, message, modal, notification],
  );
}
