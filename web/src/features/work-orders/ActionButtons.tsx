import { Button, Flex } from 'antd';
import { useState } from 'react';
import type { WoAction } from '../../api/types.ts';
import { useLabels } from '../../components/labels.ts';
import { AcceptanceDrawer } from '../acceptance/AcceptanceDrawer.tsx';
import { ActionModal } from './ActionModal.tsx';
import { type OrderRef, useRunAction } from './useRunAction.tsx';
import { DANGER_ACTIONS, FORM_ACTIONS } from './workflow.ts';

const isDanger = (action: WoAction) => DANGER_ACTIONS.has(action);

interface ActionButtonsProps {
  order: OrderRef & { teamId?: string | null; solution?: string | null };
  actions: readonly WoAction[];
  suggestedSolution?: string | null;
  /** Big, full-width buttons for a phone. */
  large?: boolean;
  /** The first action is the primary button. */
  primaryFirst?: boolean;
}

/**
 * One button per action the caller may take (testid `action-<action>`): actions that carry a
 * payload open its form (the customer's acceptance opens the signature screen), the others go at once.
 */
export function ActionButtons({ order, actions, suggestedSolution, large = false, primaryFirst = true }: ActionButtonsProps) {
  const labels = useLabels();
  const { run, pendingAction } = useRunAction();
  const [open, setOpen] = useState<WoAction | null>(null);
  if (actions.length === 0) return null;
  return (
    <>
      <Flex wrap gap={8} vertical={large} style={large ? { width: '100%' } : undefined}>
        {actions.map((action, i) => (
          <Button
            key={action}
            type={primaryFirst && i === 0 && !isDanger(action) ? 'primary' : 'default'}
            danger={isDanger(action)}
            size={large ? 'large' : 'middle'}
            block={large}
            loading={pendingAction === action}
            data-testid={`action-${action}`}
            onClick={() => {
              if (FORM_ACTIONS.has(action)) setOpen(action);
              else void run(order, action);
            }}
          >
            {labels.woAction(action)}
          </Button>
        ))}
      </Flex>
      {open === 'customer_accept' ? (
        <AcceptanceDrawer order={order} onClose={() => setOpen(null)} />
      ) : open ? (
        <ActionModal order={order} action={open} suggestedSolution={suggestedSolution} onClose={() => setOpen(null)} />
      ) : null}
    </>
  );
}
