import { App, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiError } from './useApiError.tsx';

/**
 * What a form does once its save returns: "saved", then `onSaved` (else close); or the error
 * under the form's fields, a stale record offering to reload (`onReload`) and close.
 */
export function useSaveFeedback<T = unknown>(form: FormInstance, o: { onClose: () => void; onReload: () => void; onSaved?: (saved: T) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  return {
    onSuccess: (saved: T) => {
      message.success(t('common.saved'));
      if (o.onSaved) o.onSaved(saved);
      else o.onClose();
    },
    onError: (error: unknown) =>
      showError(error, {
        form,
        onReload: () => {
          o.onReload();
          o.onClose();
        },
      }),
  };
}
