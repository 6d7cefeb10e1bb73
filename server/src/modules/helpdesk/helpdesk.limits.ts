/** Per-IP requests per minute for the public help-desk endpoints (the assistant, tickets, lookups). */
export const helpdeskLimits = {
  askPerIpPerMinute: 40,
  ticketPerIpPerMinute: 5,
  lookupPerIpPerMinute: 10,
};
