/** People and their accounts: the one module that writes `person`, `account` and `professional_profile`. */
export {
  archivePerson,
  createAccount,
  createPerson,
  createProfessionalProfile,
  detachRoleFromEndedAccounts,
  lockPerson,
  markLoggedIn,
  moveAccount,
  moveAccountsOfOrg,
  moveProfessionalsOfOrg,
  setContactsByOrg,
  setOwnContact,
  setPassword,
  updateAdminAccount,
  type NewAccount,
  type NewPerson,
} from './people.repository';
export { transferKind, TRANSFER_KIND } from './transfer.kind';
export { transfersRoutes } from './transfers.routes';
export { peopleQueryRoutes } from './people-query.routes';
export { applyForTransfer } from './transfers.service';
export { listPeople, markEmployment } from './people-query.service';
export { profileRoutes } from './profile.routes';
export { titleChangeKind, TITLE_CHANGE_KIND } from './title-change.kind';
export { identityChangeKind, IDENTITY_CHANGE_KIND } from './identity-change.kind';
export { closureKind, CLOSURE_KIND } from './closure.kind';
export { peopleImportRoutes } from './people-import.routes';
export { peopleImportJob } from './people-import.job';
export { runImport, startImport } from './people-import.service';
export { importWorkbook, type ImportRowInput } from './people-import.xlsx';
export { holderOfReplacedIdNumber, wasClosedByRequest } from './people-login';
