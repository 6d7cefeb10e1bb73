import type { DivisionNode, DivisionSaved } from '@cep/contracts';
import type { DivisionRow } from './divisions.repository';

export const presentDivision = (row: DivisionRow): DivisionSaved => ({ id: row.id, parentId: row.parentId, name: row.name, status: row.status });

/** The org's divisions as a forest, siblings in creation order. */
export const presentDivisionTree = (rows: DivisionRow[]): DivisionNode[] => {
  const nodes = new Map<string, DivisionNode>(rows.map((r) => [r.id, { ...presentDivision(r), children: [] }]));
  const roots: DivisionNode[] = [];
  for (const row of rows) {
    const node = nodes.get(row.id)!;
    const parent = row.parentId ? nodes.get(row.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
};
