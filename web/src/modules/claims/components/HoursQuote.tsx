import { Alert } from 'antd';
import type { ClaimQuote } from '@cep/contracts';

const CATEGORY_NAMES = { public: '公需', specialized: '专业' } as const;

/** The figure the rules give for what has been typed so far, and how; or why the rules refuse it. */
export const HoursQuote = ({ quote, loading }: { quote: ClaimQuote | undefined; loading: boolean }) => {
  if (!quote) return <Alert type="info" showIcon title={loading ? '正在计算可计学时…' : '填写学习形式的各项后，这里显示可计学时及计算方式'} />;
  if (!quote.ok) return <Alert type="warning" showIcon title="暂不能申报" description={quote.message} data-testid="hours-quote" />;
  const title =
    'hours' in quote ? `可计 ${quote.hours} 学时` : `可计算完成年度全部${quote.fullYear.map((c) => CATEGORY_NAMES[c]).join('和')}科目学时`;
  return <Alert type="success" showIcon title={title} description={quote.explanation} data-testid="hours-quote" />;
};
