import type { DbOrTx } from '../../platform/db/database';
import { CLOSURE_KIND } from './closure.kind';
import { IDENTITY_CHANGE_KIND } from './identity-change.kind';
import { approvedForAccount, personWhoseIdChangedFrom } from './profile.repository';

/**
 * What the login box says after this module's changes, asked by identity: whether an account was closed by an
 * approved 账号注销, and who now holds an ID number that an approved 证件信息修改 replaced.
 */
export const wasClosedByRequest = (db: DbOrTx, accountId: string) => approvedForAccount(db, CLOSURE_KIND, accountId);
export const holderOfReplacedIdNumber = (db: DbOrTx, idNumber: string) => personWhoseIdChangedFrom(db, IDENTITY_CHANGE_KIND, idNumber);
