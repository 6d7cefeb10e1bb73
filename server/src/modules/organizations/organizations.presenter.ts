import { maskIdNumber, maskPhone, type OrgDetail, type OrgSummary } from '@cep/contracts';
import type { OrgRow } from './organizations.repository';

type SuperAdminRow =
  | { personId: string; name: string; idNumber: string; phone: string | null; status: string; mfaConfirmedAt: Date | null }
  | undefined;

export const presentOrgSummary = (row: OrgRow): OrgSummary => ({
  id: row.id,
  kind: row.kind,
  name: row.name,
  creditCode: row.creditCode,
  regionCode: row.regionCode,
  regionName: row.regionName,
  bureauLevel: row.bureauLevel,
  nature: row.nature,
  orgLevel: row.orgLevel,
  status: row.status,
  superiorName: row.superiorName,
  activeAdminCount: Number(row.activeAdminCount ?? 0),
  adminsRevoked: row.adminsRevoked,
  createdAt: row.createdAt.toISOString(),
});

export const presentOrgDetail = (row: OrgRow, superAdmin: SuperAdminRow): OrgDetail => ({
  ...presentOrgSummary(row),
  industry: row.industry,
  address: row.address,
  phone: row.phone,
  email: row.email,
  contactName: row.contactName,
  region: { code: row.regionCode, name: row.regionName, fullName: row.regionFullName },
  superior: row.superiorId && row.superiorName && row.superiorKind ? { id: row.superiorId, name: row.superiorName, kind: row.superiorKind } : null,
  superAdmin: superAdmin
    ? {
        personId: superAdmin.personId,
        name: superAdmin.name,
        idNumberMasked: maskIdNumber(superAdmin.idNumber),
        phoneMasked: superAdmin.phone ? maskPhone(superAdmin.phone) : null,
        status: superAdmin.status,
        mfaEnrolled: Boolean(superAdmin.mfaConfirmedAt),
      }
    : null,
});
