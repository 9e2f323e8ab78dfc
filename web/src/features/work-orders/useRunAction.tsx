import { useQueryClient } from '@tanstack/react-query';
import { App, type FormInstance } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { WO_ACTIONS, type WoAction, type WorkOrder } from '../../api/types.ts';
import { useLabels } from '../../components/labels.ts';
import { useApiError } from '../../components/useApiError.tsx';
import { useTransition, workOrderKeys } from './api.ts';
import { currentLocation } from './geolocation.ts';
import { LOCATED_ACTIONS } from './workflow.ts';

export interface OrderRef {
  id: string;
  version: number;
}

/**
 * Sends one lifecycle action with the order's version (and, for depart and arrive, the
 * phone's location when the browser gives it quickly). A step that is no longer legal shows
 * the actions that are; payload field errors go under the form's fields.
 */
export function useRunAction() {
  const { t } = useTranslation();
  const labels = useLabels();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const showError = useApiError();
  const transition = useTransition();

  /**
   * Resolves to the updated order, or null when the action failed. `onOutdated` is called on
   * a conflict (the order moved on meanwhile), so a form sending the old version can close.
   */
  const run = useCallback(
    async (
      order: OrderRef,
      action: WoAction,
      payload: Record<string, unknown> = {},
      form?: FormInstance,
      onOutdated?: () => void,
    ): Promise<WorkOrder | null> => {
      const location = LOCATED_ACTIONS.has(action) ? await currentLocation() : undefined;
      try {
        const answer = await transition.mutateAsync({ id: order.id, action, version: order.version, payload, location });
        message.success(t('workOrders.actionDone', { action: labels.woAction(action) }));
        return answer;
      } catch (error) {
        const reload = () => {
          void queryClient.invalidateQueries({ queryKey: workOrderKeys.detail(order.id) });
          void queryClient.invalidateQueries({ queryKey: ['work-orders', 'list'] });
        };
        if (isApiError(error) && error.code === 'conflict.transition') {
          const allowed = (Array.isArray(error.problem.allowed) ? error.problem.allowed : []).filter((a): a is WoAction =>
            (WO_ACTIONS as readonly string[]).includes(String(a)),
          );
          const state = typeof error.problem.state === 'string' ? labels.woState(error.problem.state) : '';
          reload();
          onOutdated?.();
          modal.warning({
            title: t('workOrders.transitionConflictTitle', { action: labels.woAction(action) }),
            content: (
              <div data-testid="transition-conflict">
                {state ? <p>{t('workOrders.transitionConflictState', { state })}</p> : null}
                <p>
                  {allowed.length > 0
                    ? t('workOrders.transitionConflictAllowed', { actions: allowed.map((a) => labels.woAction(a)).join(t('common.listSeparator')) })
                    : t('workOrders.transitionConflictNone')}
                </p>
              </div>
            ),
          });
          return null;
        }
        if (isApiError(error) && error.code === 'conflict.stale') onOutdated?.();
        showError(error, { form, mapField: (field) => field.replace(/^payload\./, ''), onReload: reload });
        return null;
      }
    },
    [transition, message, modal, t, labels, queryClient, showError],
  );

  return { run, pending: transition.isPending, pendingAction: transition.isPending ? transition.variables?.action : undefined };
}
