import { Button, Flex, Typography } from 'antd';
import { type Ref, useCallback, useEffect, useImperativeHandle, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import SignaturePad from 'signature_pad';

export interface SignatureHandle {
  isEmpty: () => boolean;
  toDataURL: () => string;
  clear: () => void;
}

interface SignatureCanvasProps {
  ref?: Ref<SignatureHandle>;
  /** Called when the pad goes from empty to signed or back. */
  onChange?: (empty: boolean) => void;
  height?: number;
}

/**
 * The customer's drawn signature (P4.4.1): a signature_pad canvas sized to the device pixel
 * ratio, so strokes stay sharp on a phone; resizing keeps what was drawn.
 */
export function SignatureCanvas({ ref, onChange, height = 200 }: SignatureCanvasProps) {
  const { t } = useTranslation();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const padRef = useRef<SignaturePad | null>(null);
  // The latest callback, without recreating the pad (and losing the strokes) when it changes.
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;

  const resize = useCallback(() => {
    const canvas = canvasRef.current;
    const pad = padRef.current;
    if (!canvas || !pad) return;
    const ratio = Math.max(window.devicePixelRatio || 1, 1);
    const strokes = pad.toData();
    canvas.width = canvas.offsetWidth * ratio;
    canvas.height = canvas.offsetHeight * ratio;
    canvas.getContext('2d')?.scale(ratio, ratio);
    pad.clear();
    if (strokes.length > 0) pad.fromData(strokes);
  }, []);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const pad = new SignaturePad(canvas, { penColor: '#000', minWidth: 1, maxWidth: 3 });
    padRef.current = pad;
    const changed = () => onChangeRef.current?.(pad.isEmpty());
    pad.addEventListener('endStroke', changed);
    resize();
    const observer = new ResizeObserver(resize);
    observer.observe(canvas);
    return () => {
      observer.disconnect();
      pad.removeEventListener('endStroke', changed);
      pad.off();
      padRef.current = null;
    };
  }, [resize]);

  const clear = useCallback(() => {
    padRef.current?.clear();
    onChangeRef.current?.(true);
  }, []);

  useImperativeHandle(
    ref,
    () => ({
      isEmpty: () => padRef.current?.isEmpty() ?? true,
      toDataURL: () => padRef.current?.toDataURL('image/png') ?? '',
      clear,
    }),
    [clear],
  );

  return (
    <Flex vertical gap={4}>
      <canvas
        ref={canvasRef}
        data-testid="accept-signature-canvas"
        aria-label={t('acceptance.signatureArea')}
        style={{ width: '100%', height, border: '1px dashed #bfbfbf', borderRadius: 8, touchAction: 'none', background: '#fff' }}
      />
      <Flex justify="space-between" align="center">
        <Typography.Text type="secondary">{t('acceptance.signHere')}</Typography.Text>
        <Button size="small" onClick={clear} data-testid="accept-clear">
          {t('acceptance.clear')}
        </Button>
      </Flex>
    </Flex>
  );
}
