import { z } from 'zod';
import { apiRequest } from '../../api/client';

/** Only the fields the home page shows; the notices module owns the full contract. */
const NoticeSummaryPage = z.object({
  items: z.array(z.object({ id: z.string(), title: z.string(), publishedAt: z.string().nullable().optional() })),
});
export type NoticeSummary = z.infer<typeof NoticeSummaryPage>['items'][number];

export const portalKeys = { homeNotices: ['notices', 'home'] as const };

export const portalApi = {
  homeNotices: () => apiRequest('/api/notices', { query: { page: 1, pageSize: 8 }, schema: NoticeSummaryPage }),
};
