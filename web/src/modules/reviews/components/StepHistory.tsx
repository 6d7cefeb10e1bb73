import { Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ReviewStep, StepStatus } from '@cep/contracts';

const stepColors: Record<StepStatus, string> = {
  waiting: 'gray',
  pending: 'blue',
  approved: 'green',
  rejected: 'red',
  skipped: 'gray',
  revoked: 'red',
};

const StepLine = ({ step }: { step: ReviewStep }) => (
  <div className="review-step">
    <div>
      <Typography.Text strong>{step.reviewerOrgName}</Typography.Text>
      <Tag color={stepColors[step.status] === 'gray' ? 'default' : stepColors[step.status]} style={{ marginLeft: 8 }}>
        {step.statusLabel}
      </Tag>
    </div>
    {step.decidedAt ? (
      <Typography.Text type="secondary">
        {step.decidedByName ?? '—'} · {dayjs(step.decidedAt).format('YYYY-MM-DD HH:mm')}
      </Typography.Text>
    ) : null}
    {step.reason ? <div className="review-step__reason">驳回原因：{step.reason}</div> : null}
    {step.revocation ? (
      <div className="review-step__reason">
        审验不通过：{step.revocation.byName ?? '—'} · {dayjs(step.revocation.at).format('YYYY-MM-DD HH:mm')}，原因：{step.revocation.reason}
      </div>
    ) : null}
  </div>
);

/** The request's chain of reviews: reviewer org, decision, who and when, and the reason of a rejection. */
export const StepHistory = ({ steps }: { steps: ReviewStep[] }) => (
  <Timeline items={steps.map((step) => ({ key: step.stepNo, color: stepColors[step.status], content: <StepLine step={step} /> }))} />
);
