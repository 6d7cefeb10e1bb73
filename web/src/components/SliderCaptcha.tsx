import { useCallback, useEffect, useRef, useState, type PointerEvent } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Button, Spin } from 'antd';
import { ArrowRightOutlined, CheckOutlined, CloseOutlined, ReloadOutlined } from '@ant-design/icons';
import type { CaptchaChallenge } from '@cep/contracts';
import { authApi } from '../api/auth.api';
import { isApiError } from '../api/client';
import { clampX, createTraceRecorder, type TraceRecorder } from './slider-trace';
import './slider-captcha.css';

type Status = 'idle' | 'dragging' | 'verifying' | 'passed' | 'failed';

export type SliderCaptchaProps = {
  /** The captcha token once the puzzle is solved (antd Form passes it in and reads it back). */
  value?: string;
  onChange?: (token: string | undefined) => void;
  /** Changing it fetches a new puzzle, e.g. after a failed login spent the token. */
  refreshKey?: number;
};

type Drag = { startClientX: number; unitsPerPixel: number; recorder: TraceRecorder; x: number };

const percent = (part: number, whole: number) => `${(part / whole) * 100}%`;

const trackText: Record<Status, string> = {
  idle: '向右拖动滑块完成拼图',
  dragging: '',
  verifying: '验证中…',
  passed: '验证通过',
  failed: '验证失败，请重试',
};

/** How the pointer's movement on screen maps to the puzzle's own coordinates (the picture may be scaled down). */
const unitsPerPixelOf = (track: HTMLElement | null, challenge: CaptchaChallenge) => {
  const width = track?.getBoundingClientRect().width ?? 0;
  return width > 0 ? challenge.width / width : 1;
};

const useChallenge = (refreshKey: number) => {
  const [nonce, setNonce] = useState(0);
  const query = useQuery({
    queryKey: ['captcha', refreshKey, nonce],
    queryFn: authApi.captcha,
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
    refetchOnWindowFocus: false,
  });
  const renew = useCallback(() => setNonce((n) => n + 1), []);
  return { ...query, renew };
};

/** The login box's "滑动完成验证": drag the piece into the gap; the server checks the position and the drag. */
export const SliderCaptcha = ({ value, onChange, refreshKey = 0 }: SliderCaptchaProps) => {
  const { data: challenge, isLoading, error, renew } = useChallenge(refreshKey);
  const [x, setX] = useState(0);
  const [status, setStatus] = useState<Status>('idle');
  const drag = useRef<Drag | null>(null);
  const track = useRef<HTMLDivElement>(null);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const valueRef = useRef(value);
  valueRef.current = value;

  const verify = useMutation({
    mutationFn: authApi.verifyCaptcha,
    onSuccess: ({ captchaToken }) => {
      setStatus('passed');
      onChangeRef.current?.(captchaToken);
    },
    onError: () => setStatus('failed'),
  });

  useEffect(() => {
    setX(0);
    setStatus('idle');
    // A spent or stale token must not outlive the puzzle it solved.
    if (valueRef.current) onChangeRef.current?.(undefined);
    if (!challenge) return;
    const timer = setTimeout(renew, challenge.expiresInSeconds * 1000);
    return () => clearTimeout(timer);
  }, [challenge, renew]);

  useEffect(() => {
    if (status !== 'failed') return;
    const timer = setTimeout(renew, 900);
    return () => clearTimeout(timer);
  }, [status, renew]);

  const maxX = challenge ? challenge.width - challenge.pieceSize : 0;
  const canDrag = challenge && (status === 'idle' || status === 'dragging');

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (!challenge || !canDrag) return;
    e.preventDefault();
    e.currentTarget.setPointerCapture?.(e.pointerId);
    const startedAt = performance.now();
    const recorder = createTraceRecorder(startedAt);
    recorder.record(0, startedAt);
    drag.current = { startClientX: e.clientX, unitsPerPixel: unitsPerPixelOf(track.current, challenge), recorder, x: 0 };
    setStatus('dragging');
  };

  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const current = drag.current;
    if (!current) return;
    current.x = clampX((e.clientX - current.startClientX) * current.unitsPerPixel, maxX);
    current.recorder.record(current.x, performance.now());
    setX(current.x);
  };

  const onPointerUp = () => {
    const current = drag.current;
    drag.current = null;
    if (!current || !challenge) return;
    if (current.x < 1) {
      setStatus('idle');
      return;
    }
    setStatus('verifying');
    const trace = current.recorder.finish(current.x, performance.now());
    verify.mutate({ captchaId: challenge.captchaId, x: Math.round(current.x * 10) / 10, trace });
  };

  const onPointerCancel = () => {
    drag.current = null;
    setX(0);
    setStatus('idle');
  };

  if (isLoading || !challenge) {
    return (
      <div className="slider-captcha slider-captcha--empty">
        {error ? (
          <Button type="link" onClick={renew}>
            {isApiError(error) ? error.message : '验证码加载失败'}，点击重试
          </Button>
        ) : (
          <Spin />
        )}
      </div>
    );
  }

  const handleWidth = percent(challenge.pieceSize, challenge.width);
  const offset = percent(x, challenge.width);
  return (
    <div
      className={`slider-captcha slider-captcha--${status}`}
      data-captcha-id={challenge.captchaId}
      data-width={challenge.width}
      data-status={status}
    >
      <div className="slider-captcha__image" style={{ aspectRatio: `${challenge.width} / ${challenge.height}` }}>
        <img className="slider-captcha__background" src={challenge.background} alt="拼图验证背景" draggable={false} />
        <img
          className="slider-captcha__piece"
          src={challenge.piece}
          alt=""
          draggable={false}
          style={{ left: offset, top: percent(challenge.pieceY, challenge.height), width: handleWidth }}
        />
        <Button
          className="slider-captcha__refresh"
          size="small"
          icon={<ReloadOutlined />}
          aria-label="换一张"
          title="换一张"
          onClick={renew}
          disabled={status === 'verifying'}
        />
      </div>
      <div className="slider-captcha__track" ref={track}>
        <div className="slider-captcha__fill" style={{ width: `calc(${offset} + ${handleWidth})` }} />
        <span className="slider-captcha__text">{trackText[status]}</span>
        {/* biome-ignore lint/a11y/useFocusableInteractive: the drag itself is the test; the page offers 人工客服 to whoever cannot drag. */}
        <div
          className="slider-captcha__handle"
          role="slider"
          aria-label="滑动完成验证"
          aria-valuemin={0}
          aria-valuemax={maxX}
          aria-valuenow={Math.round(x)}
          style={{ left: offset, width: handleWidth }}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={onPointerCancel}
        >
          {status === 'passed' ? <CheckOutlined /> : status === 'failed' ? <CloseOutlined /> : <ArrowRightOutlined />}
        </div>
      </div>
    </div>
  );
};
