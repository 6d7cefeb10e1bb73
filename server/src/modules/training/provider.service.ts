import { isValidIdNumber, maskIdNumber, type ProxyClaimInput, type RosterCheckInput, type RosterEntry, type RosterLine } from '@cep/contracts';
import type { Actor } from '../../platform/auth/actor';
import { countAuditedSince, writeAudit, type AuditOrigin } from '../../platform/audit/audit';
import type { AppContext } from '../../platform/context';
import type { DbOrTx } from '../../platform/db/database';
import { AppError } from '../../platform/errors/app-error';
import { findClaimedUnder, findOwnPlan, findProfessionalsByIdNumber } from './training.repository';
import { submitAttendeeClaim, type ClaimAttendee } from './training.service';
import { providerSponsor } from './training.sponsors';

type CheckedLine = RosterLine & { attendee: ClaimAttendee | null };

/**
 * A provider's roster checked against the registered professionals (代申报学时): each line must be a valid ID number
 * of an active professional whose name matches, once. The name is not told from the ID number alone (a provider
 * knows both from its sign-in sheet; the platform does not hand out names by ID number), and a mismatch does not
 * say which of the two is wrong.
 */
const checkRoster = async (db: DbOrTx, entries: RosterEntry[]): Promise<CheckedLine[]> => {
  const idNumbers = entries.map((e) => e.idNumber.trim().toUpperCase());
  const found = new Map((await findProfessionalsByIdNumber(db, idNumbers.filter(isValidIdNumber))).map((p) => [p.idNumber, p]));
  const seen = new Set<string>();
  return entries.map((entry, i) => {
    const idNumber = idNumbers[i]!;
    const base = { line: i + 1, idNumberMasked: maskIdNumber(idNumber), name: entry.name, employerName: null, attendee: null };
    const fail = (message: string): CheckedLine => ({ ...base, ok: false, message });
    if (!isValidIdNumber(idNumber)) return fail('身份证号非法，请核对');
    if (seen.has(idNumber)) return fail('与前面的人员重复');
    seen.add(idNumber);
    const person = found.get(idNumber);
    if (!person || person.name !== entry.name) return fail('未找到姓名与身份证号相符的在册专业技术人员，请核对姓名和身份证号，或请其先注册');
    const attendee = { personId: person.personId, name: person.name, idNumberMasked: base.idNumberMasked, employerName: person.employerName };
    return { ...base, ok: true, message: null, employerName: person.employerName, attendee };
  });
};

const presentLine = ({ attendee: _, ...line }: CheckedLine): RosterLine => line;

const ROSTER_CHECK = 'TRAINING_ROSTER_CHECK';
/** 核对 runs an org may make in a day (500 lines each): ample for rosters, too few to sweep ID numbers. */
export const ROSTER_CHECKS_PER_DAY = 100;
const DAY_MS = 24 * 3600 * 1000;

/** Lines of people already claimed under the plan, marked as the claim would refuse them. */
const markClaimed = async (db: DbOrTx, planId: string, lines: CheckedLine[]): Promise<CheckedLine[]> => {
  const matched = lines.flatMap((l) => (l.attendee ? [l.attendee.personId] : []));
  const claimed = new Set(matched.length ? await findClaimedUnder(db, providerSponsor, planId, matched) : []);
  return lines.map((l) => (l.attendee && claimed.has(l.attendee.personId) ? { ...l, ok: false, message: '已在本培训计划的学时申报中' } : l));
};

/** 核对: the roster's lines with what is wrong in each; audited and counted, since it matches people by ID number. */
export const checkProviderRoster = async (ctx: AppContext, actor: Actor, input: RosterCheckInput, origin: AuditOrigin) => {
  const { entries, planId } = input;
  if (planId && !(await findOwnPlan(ctx.db, providerSponsor, planId, actor.orgId))) throw new AppError('NOT_FOUND', '培训计划不存在');
  const since = new Date(ctx.clock.now().getTime() - DAY_MS);
  if ((await countAuditedSince(ctx.db, { event: ROSTER_CHECK, actorOrgId: actor.orgId, since })) >= ROSTER_CHECKS_PER_DAY) {
    throw new AppError('RATE_LIMITED', `本机构24小时内核对名单已达${ROSTER_CHECKS_PER_DAY}次，请明天再试`);
  }
  const checked = await checkRoster(ctx.db, entries);
  const lines = planId ? await markClaimed(ctx.db, planId, checked) : checked;
  await writeAudit(ctx.db, ctx.clock, {
    event: ROSTER_CHECK,
    actor: { personId: actor.personId, accountId: actor.accountId, orgId: actor.orgId },
    origin,
    target: { type: 'org', id: actor.orgId },
    detail: { lines: lines.length, matched: lines.filter((l) => l.ok).length },
  });
  return lines.map(presentLine);
};

const MAX_LISTED = 5;

/** 代申报学时: the roster must check clean (the refusal names the first lines that do not); then it is filed like a unit claim. */
export const submitProxyClaim = (ctx: AppContext, actor: Actor, input: ProxyClaimInput, origin: AuditOrigin) =>
  submitAttendeeClaim(
    ctx,
    actor,
    providerSponsor,
    {
      ...input,
      resolveAttendees: async (tx) => {
        const lines = await checkRoster(tx, input.attendees);
        const bad = lines.filter((l) => !l.ok);
        if (bad.length > 0) {
          const listed = bad.slice(0, MAX_LISTED).map((l) => `第${l.line}行（${l.name}）${l.message}`);
          const more = bad.length > MAX_LISTED ? `等${bad.length}行有误` : '';
          throw new AppError('VALIDATION_FAILED', `参训人员名单有误：${listed.join('；')}${more}`);
        }
        return lines.map((l) => l.attendee!);
      },
    },
    origin,
  );
