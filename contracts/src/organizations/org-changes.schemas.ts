import { z } from 'zod';
import { CreditCode } from '../common/credit-code';
import { Text } from '../common/text';
import { OrgName } from '../registration/registration.fields';
import { AttachmentIds } from '../reviews/reviews.schemas';

/**
 * 修改单位信息 (seed 000 4, 002 FAQ 29): a new 单位名称 and/or 统一社会信用代码 with the licence scan, reviewed by the
 * superior; effective on approval.
 */
export const OrgChangeInput = z.object({
  name: OrgName.optional(),
  creditCode: CreditCode.optional(),
  attachmentIds: AttachmentIds.min(1, { message: '请上传统一社会信用代码证书或营业执照扫描件' }),
});
export type OrgChangeInput = z.infer<typeof OrgChangeInput>;

/** The org's own change requests (变更记录), a page of them. */
export const OrgChangesQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(10),
});
export type OrgChangesQuery = z.infer<typeof OrgChangesQuery>;

/** 更换上级部门: the new 上级单位 / 主管部门 / 同级人社部门. */
export const SuperiorChangeInput = z.object({ superiorId: z.uuid({ error: '请选择新的上级部门' }) });
export type SuperiorChangeInput = z.infer<typeof SuperiorChangeInput>;

/** 单位注销: why the org closes. */
export const OrgClosureInput = z.object({ explanation: Text({ label: '注销原因', max: 200, multiline: true }) });
export type OrgClosureInput = z.infer<typeof OrgClosureInput>;

/** 单位合并: this org merges into the surviving org (same kind); the bureau decides. */
export const OrgMergeInput = z.object({
  survivorId: z.uuid({ error: '请选择合并后保留的单位' }),
  explanation: Text({ label: '合并说明', max: 200, multiline: true }),
});
export type OrgMergeInput = z.infer<typeof OrgMergeInput>;
