import { App, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../components/useApiError.tsx';

/**
 * What a customer's contact, site or product modal does once its save returns:
 * "saved" and close; or the error under the form's fields, a stale record offering reload-and-close.
 */
export function useSaveFeedback(form: FormInstance, onClose: () => void, onReload: () => void) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  return {
    onSuccess: () => {
      message.success(t('common.saved'));
      onClose();
    },
    onError: (error: unknown) =>
      showError(error, {
        form,
        onReload: () => {
          onReload();
          onClose();
        },
      }),
  };
}
