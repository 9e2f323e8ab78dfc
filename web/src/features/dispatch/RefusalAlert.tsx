import { Alert } from 'antd';
import type { Refusal } from './reasons.ts';

/** A refused assignment or move with its reasons, shown until the user closes it. */
export function RefusalAlert({ refusal, onClose, testId }: { refusal: Refusal; onClose: () => void; testId: string }) {
  return (
    <Alert
      type="error"
      showIcon
      closable={{ onClose }}
      style={{ marginBottom: 12 }}
      data-testid={testId}
      title={refusal.title}
      description={
        refusal.reasons.length > 0 ? (
          <ul style={{ margin: 0, paddingInlineStart: 18 }}>
            {refusal.reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        ) : (
          refusal.detail
        )
      }
    />
  );
}
