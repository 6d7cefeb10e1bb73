/** What still lives under an org, as a closure's refusal says it (null when nothing does). */
export const livingRefusal = (living: { orgs: number; people: number; registering: number }) => {
  const parts = [
    living.people ? `${living.people}名在册人员` : null,
    living.registering ? `${living.registering}名注册待审核的人员` : null,
    living.orgs ? `${living.orgs}个下级单位` : null,
  ].filter(Boolean);
  return parts.length ? `还有${parts.join('、')}` : null;
};
