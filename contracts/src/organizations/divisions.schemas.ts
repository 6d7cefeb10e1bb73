import { z } from 'zod';
import { Text } from '../common/text';

export const DivisionStatus = z.enum(['active', 'disabled']);
export type DivisionStatus = z.infer<typeof DivisionStatus>;

const DivisionName = Text({ label: '部门名称', max: 50 });

/** One 内设部门 with its sub-divisions. */
export type DivisionNode = {
  id: string;
  parentId: string | null;
  name: string;
  status: DivisionStatus;
  children: DivisionNode[];
};
export const DivisionNode: z.ZodType<DivisionNode> = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  name: z.string(),
  status: DivisionStatus,
  get children() {
    return z.array(DivisionNode);
  },
});

export const DivisionTree = z.object({ items: z.array(DivisionNode) });
export type DivisionTree = z.infer<typeof DivisionTree>;

export const CreateDivisionInput = z.object({
  name: DivisionName,
  parentId: z.uuid({ message: '上级部门编号格式不正确' }).nullish(),
});
export type CreateDivisionInput = z.infer<typeof CreateDivisionInput>;

export const RenameDivisionInput = z.object({ name: DivisionName });
export type RenameDivisionInput = z.infer<typeof RenameDivisionInput>;

export const DivisionIdParams = z.object({ divisionId: z.uuid({ message: '部门编号格式不正确' }) });

export const DivisionSaved = z.object({ id: z.string(), parentId: z.string().nullable(), name: z.string(), status: DivisionStatus });
export type DivisionSaved = z.infer<typeof DivisionSaved>;

export const DivisionStatusResult = z.object({ affected: z.number().int() });
