import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { creditCodeCheckChar } from '@cep/contracts';
import { createTestContext, type TestContext } from '../../test/test-context';
import { createOrg, createProfessional, newIdNumber, tryLogin, sessionCookieOf } from '../../test/factories';
import { multipartFile } from '../../test/uploads';
import { demoIdNumber } from '../../demo/demo-ids';
import { createAdmin, createChain, type Chain } from '../reviews/reviews.test-support';
import { IMPORT_COLUMNS } from './people-import.rows';
import { importHeader, importWorkbook, sampleImportRow, type ImportRowInput } from './people-import.test-support';

let t: TestContext;
let chain: Chain;
let otherBranch: { id: string; creditCode: string };
let subUnit: { id: string; creditCode: string };

let codeSerial = 1000;
/** A valid unified social credit code (GB 32100 check character) that no other call returns. */
const newCreditCode = () => {
  const first17 = `12410103${String(codeSerial++).padStart(9, '0')}`;
  return first17 + creditCodeCheckChar(first17);
};
const withCreditCode = async (orgId: string) => {
  const creditCode = newCreditCode();
  await t.db.updateTable('org').set({ creditCode }).where('id', '=', orgId).execute();
  return { id: orgId, creditCode };
};

beforeAll(async () => {
  t = await createTestContext({ jobs: true }); // the clock stands at 2026-03-02 in China
  chain = await createChain(t, '410103');
  subUnit = await withCreditCode((await createOrg(t, { kind: 'employer', superiorId: chain.employer.org.id, name: '二级单位' })).id);
  otherBranch = await withCreditCode((await createOrg(t, { kind: 'employer', regionCode: '410104', name: '别区的单位' })).id);
});
afterAll(async () => t.close());

type Row = ImportRowInput;
const header = importHeader;
const workbook = importWorkbook;
const readBook = async (bytes: Buffer) => {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return book;
};

const validRow = (i: number): Row => ({
  ...sampleImportRow(`导入人员${String.fromCharCode(0x4e00 + (i % 500))}`, newIdNumber('410103')),
  phone: `137${String(i).padStart(8, '0')}`,
});

const upload = (cookie: string, employerId: string, bytes: Buffer, filename = '人员.xlsx') => {
  const body = multipartFile(filename, bytes);
  return t.app.inject({
    method: 'POST',
    url: `/api/people-imports?employerId=${employerId}`,
    headers: { cookie, 'content-type': body.contentType },
    payload: body.payload,
  });
};
type Imported = {
  id: string;
  status: string;
  totalRows: number | null;
  processedRows: number;
  createdCount: number;
  failedCount: number;
  error: string | null;
};
/** Waits (a condition, not a time) until the background job has finished the import. */
const finished = async (cookie: string, id: string): Promise<Imported> => {
  for (;;) {
    const res = await t.app.inject({ url: `/api/people-imports/${id}`, headers: { cookie } });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as Imported;
    if (body.status === 'done' || body.status === 'failed') return body;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};
const failures = async (cookie: string, id: string) => {
  const res = await t.app.inject({ url: `/api/people-imports/${id}/failures`, headers: { cookie } });
  expect(res.statusCode, res.body).toBe(200);
  const sheet = (await readBook(res.rawPayload)).worksheets[0]!;
  const rows: { cells: string[]; reason: string; rowNo: number }[] = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const values = (row.values as ExcelJS.CellValue[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)));
    rows.push({
      cells: values.slice(0, IMPORT_COLUMNS.length),
      reason: values[IMPORT_COLUMNS.length]!,
      rowNo: Number(values[IMPORT_COLUMNS.length + 1]),
    });
  });
  return { header: (sheet.getRow(1).values as string[]).slice(1), rows };
};

describe('批量导入 (issue 13, item 1)', () => {
  it('the template has the headers, an example row, the profile’s drop-downs and the notes', async () => {
    const res = await t.app.inject({ url: '/api/people-imports/template', headers: { cookie: chain.bureau.cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const book = await readBook(res.rawPayload);
    const sheet = book.getWorksheet('专技人员')!;
    expect((sheet.getRow(1).values as string[]).slice(1)).toEqual(header);
    expect(String(sheet.getRow(2).getCell(1).value)).toContain('示例');
    const lists = book.getWorksheet('下拉选项')!;
    const listOf = (column: string) => {
      const formula = sheet.getCell(`${column}2`).dataValidation.formulae[0] as string;
      expect(sheet.getCell(`${column}100001`).dataValidation.formulae[0]).toBe(formula);
      const [, letter] = /!\$([A-Z])\$2:/.exec(formula) ?? [];
      return (lists.getColumn(letter!).values as string[]).slice(2);
    };
    expect(listOf('E')).toContain('汉族'); // 民族
    expect(listOf('F')).toContain('大学本科'); // 学历
    expect(listOf('H')).toEqual(expect.arrayContaining(['卫生技术', '中小学教师', '无'])); // 职称系列
    expect(listOf('I')).toEqual(['初级', '中级', '高级', '无']);
    expect(book.getWorksheet('填写说明')!.getRow(2).getCell(1).value).toContain('带 * 的列必须填写');
  });

  it('1,000 rows with 37 bad ones of every kind: 963 people created, a failure workbook of exactly the 37 with reasons, then the fixed rows', async () => {
    // Registered: professionals here and elsewhere, and an admin (a person with no professional account).
    const registered = [
      (await createProfessional(t, { orgId: chain.employer.org.id })).person,
      (await createProfessional(t, { orgId: otherBranch.id })).person,
      (await createProfessional(t, { orgId: subUnit.id })).person,
    ];
    const admin = chain.authority.person;
    const rows: Row[] = Array.from({ length: 1000 }, (_, i) => validRow(i));
    for (const r of rows.slice(0, 50)) Object.assign(r, { titleSeries: '无', titleLevel: '无', titleObtainedOn: '' });
    for (const r of rows.slice(50, 100)) r.creditCode = subUnit.creditCode;
    const wrongCheck = (id: string) => id.slice(0, 17) + (id[17] === '1' ? '2' : '1');
    const idOf = (i: number) => rows[i]!.idNumber as string;
    // Each kind of bad row: the rows (0-based), what spoils each, and what its reason says.
    const kinds: [number[], (i: number) => Row, string][] = [
      [[110, 111, 112], () => ({ name: '' }), '姓名不能为空'],
      [[120, 121, 122, 123], (i) => ({ idNumber: wrongCheck(idOf(i)) }), '身份证号非法'],
      [[130, 131], (i) => ({ idNumber: demoIdNumber('410103', '2015-01-01', i) }), '年龄未满'],
      [[140, 141], (i) => ({ idNumber: Number(idOf(i)) }), '身份证号被存成了数字'],
      [[150, 151, 152, 153], (i) => ({ idNumber: idOf(i - 40) }), '身份证号重复'],
      [[160, 161, 162], (i) => ({ idNumber: registered[i - 160]!.idNumber }), '该身份证号已在平台注册，无需导入'],
      [[163], () => ({ idNumber: admin.idNumber }), '该身份证号已有平台账号，请本人登录后以“已是本系统用户”注册专业技术人员'],
      [[170, 171, 172], () => ({ creditCode: otherBranch.creditCode }), '该单位不在您的管理范围内'],
      [[180, 181], () => ({ creditCode: newCreditCode() }), '未找到统一社会信用代码为'],
      [[190, 191], () => ({ phone: '1380013800' }), '手机号应为11位数字'],
      [[200, 201], () => ({ email: 'not-an-email' }), '电子邮箱格式不正确'],
      [[210, 211], () => ({ ethnicity: '火星族' }), '民族“火星族”不在可选列表中'],
      [[220, 221], () => ({ major: '炼丹' }), '所学专业“炼丹”不在可选列表中'],
      [[230], () => ({ titleLevel: '无' }), '职称系列与职称级别须同为“无”或同时填写'],
      [[240], () => ({ titleObtainedOn: '' }), '有职称的人员须填写职称取得时间'],
      [[250], () => ({ titleObtainedOn: '2019-13-01' }), '职称取得时间格式不正确'],
      [[260], () => ({ name: '\u200b\u200b' }), '姓名不能为空'],
      [[270], () => ({ titleLevel: '特级' }), '职称级别“特级”不在可选列表中'],
    ];
    const bad: [number, string][] = [];
    for (const [indexes, patch, reason] of kinds) {
      for (const i of indexes) {
        Object.assign(rows[i]!, patch(i));
        bad.push([i, reason]);
      }
    }
    expect(rows[152]!.idNumber).toBe(rows[112]!.idNumber);
    expect(bad).toHaveLength(37);

    const res = await upload(chain.bureau.cookie, chain.employer.org.id, await workbook(rows), '一千人.xlsx');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ filename: '一千人.xlsx', employerName: chain.employer.org.name, status: 'queued' });
    const done = await finished(chain.bureau.cookie, res.json().id);
    expect(done).toMatchObject({ status: 'done', totalRows: 1000, processedRows: 1000, createdCount: 963, failedCount: 37, error: null });

    const report = await failures(chain.bureau.cookie, done.id);
    expect(report.header.slice(0, IMPORT_COLUMNS.length)).toEqual(header);
    expect(report.rows.map((r) => r.rowNo)).toEqual(bad.map(([i]) => i + 2).sort((a, b) => a - b));
    for (const [i, reason] of bad) expect(report.rows.find((r) => r.rowNo === i + 2)!.reason, `row ${i + 2}`).toContain(reason);
    // The rows come back as given (a number-typed ID as its digits), ready to fix.
    expect(report.rows.find((r) => r.rowNo === 192)!.cells[2]).toBe('1380013800');

    const imported = await t.db
      .selectFrom('person as p')
      .innerJoin('account as a', 'a.personId', 'p.id')
      .innerJoin('professionalProfile as f', 'f.accountId', 'a.id')
      .select(['p.idNumber', 'a.orgId', 'a.status', 'p.mustChangePassword', 'p.contactsConfirmed', 'f.titleSeries', 'f.ethnicity', 'f.education'])
      .where('p.name', 'like', '导入人员%')
      .execute();
    expect(imported).toHaveLength(963);
    expect(imported.every((p) => p.status === 'active' && p.mustChangePassword && !p.contactsConfirmed)).toBe(true);
    expect(imported.filter((p) => p.orgId === subUnit.id)).toHaveLength(50);
    expect(imported.find((p) => p.idNumber === rows[300]!.idNumber)).toMatchObject({ titleSeries: 'health', ethnicity: '01', education: 'bachelor' });
    const noTitle = await t.db
      .selectFrom('professionalProfile')
      .select(['titleLevel', 'titleObtainedOn'])
      .innerJoin('person', 'person.id', 'professionalProfile.personId')
      .where('person.idNumber', '=', rows[0]!.idNumber as string)
      .executeTakeFirstOrThrow();
    expect(noTitle).toEqual({ titleLevel: 'none', titleObtainedOn: null });

    // Fixed: the phone, e-mail, ethnicity, major and title rows corrected; the rest stay as they were.
    const fixes: Record<number, Row> = {
      192: { phone: '13800138000' },
      193: { phone: '13800138001' },
      202: { email: 'a@example.com' },
      203: { email: 'b@example.com' },
      212: { ethnicity: '回族' },
      213: { ethnicity: '回族' },
      222: { major: '临床医学' },
      223: { major: '临床医学' },
      232: { titleLevel: '中级' },
    };
    // A number-typed ID lost its last digits: those rows are left out (their number cannot be fixed by hand here).
    const again = report.rows
      .filter((r) => !r.reason.includes('存成了数字'))
      .map((r) => {
        const row = Object.fromEntries(IMPORT_COLUMNS.map((c, k) => [c.key, r.cells[k]])) as Row;
        return { ...row, ...fixes[r.rowNo] };
      });
    const second = await upload(chain.bureau.cookie, chain.employer.org.id, await workbook(again), '一千人-失败数据.xlsx');
    expect(second.statusCode, second.body).toBe(201);
    expect(await finished(chain.bureau.cookie, second.json().id)).toMatchObject({ status: 'done', createdCount: 9, failedCount: 26 });

    const events = await t.db.selectFrom('auditLog').select(['event', 'detail']).where('event', 'like', 'PEOPLE_IMPORT%').orderBy('id').execute();
    expect(events.map((e) => e.event)).toEqual([
      'PEOPLE_IMPORT_STARTED',
      'PEOPLE_IMPORT_FINISHED',
      'PEOPLE_IMPORT_FAILURES_EXPORTED',
      'PEOPLE_IMPORT_STARTED',
      'PEOPLE_IMPORT_FINISHED',
    ]);
    expect(events[1]!.detail).toEqual({ rows: 1000, created: 963, failed: 37 });
  });

  it('imported people sign in with the last six characters of their ID number and must change the password first', async () => {
    const row = validRow(7);
    const res = await upload(chain.employer.cookie, chain.employer.org.id, await workbook([row]));
    expect((await finished(chain.employer.cookie, res.json().id)).createdCount).toBe(1);
    const idNumber = row.idNumber as string;
    const wrong = await tryLogin(t, { idNumber, password: '000000', role: 'professional' });
    expect(wrong.statusCode).toBe(401);
    const login = await tryLogin(t, { idNumber, password: idNumber.slice(-6), role: 'professional' });
    expect(login.statusCode, login.body).toBe(200);
    expect(login.json().mustChangePassword).toBe(true);
    const cookie = sessionCookieOf(login)!;
    expect((await t.app.inject({ url: '/api/me/profile', headers: { cookie } })).json().code).toBe('PASSWORD_CHANGE_REQUIRED');
    const change = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password/change',
      headers: { cookie },
      payload: { oldPassword: idNumber.slice(-6), newPassword: 'Nw7#imported26' },
    });
    expect(change.statusCode, change.body).toBe(200);
    const person = await t.db
      .selectFrom('person')
      .select(['passwordHash', 'mustChangePassword'])
      .where('idNumber', '=', idNumber)
      .executeTakeFirstOrThrow();
    expect(person.mustChangePassword).toBe(false);
    expect(person.passwordHash).toMatch(/^\$argon2id\$/);
    expect((await tryLogin(t, { idNumber, password: idNumber.slice(-6), role: 'professional' })).statusCode).toBe(401);
    expect((await tryLogin(t, { idNumber, password: 'Nw7#imported26', role: 'professional' })).statusCode).toBe(200);
  });

  it('refuses another branch’s employer, bad files, a second import at once, and admins without the menu; nothing is created', async () => {
    const count = async () =>
      Number(
        (
          await t.db
            .selectFrom('peopleImport')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const good = await workbook([validRow(1)]);
    const refused = async (cookie: string, employerId: string, bytes: Buffer, status: number, message: string, filename = '人员.xlsx') => {
      const res = await upload(cookie, employerId, bytes, filename);
      expect([res.statusCode, res.json().message], message).toEqual([status, message]);
    };
    await refused(chain.bureau.cookie, otherBranch.id, good, 403, '该单位不在您的管理范围内');
    // An employer imports into itself and its sub-units, not into its superior or a sibling.
    await refused(chain.employer.cookie, chain.authority.org.id, good, 403, '该单位不在您的管理范围内');
    const sibling = await createOrg(t, { kind: 'employer', superiorId: chain.authority.org.id });
    await refused(chain.employer.cookie, sibling.id, good, 403, '该单位不在您的管理范围内');
    await refused(
      chain.bureau.cookie,
      chain.employer.org.id,
      await workbook([validRow(2)], ['姓名', '身份证']),
      400,
      '文件的表头与导入模板不一致，请下载最新的导入模板，按模板填写后重新上传',
    );
    await refused(chain.bureau.cookie, chain.employer.org.id, await workbook([]), 400, '文件中没有人员数据，请在模板第 2 行起填写');
    await refused(chain.bureau.cookie, chain.employer.org.id, Buffer.from('%PDF-1.4\n'), 400, '仅支持上传 Excel(xlsx) 格式的文件', '人员.pdf');
    await refused(chain.bureau.cookie, chain.employer.org.id, good, 400, '仅支持上传 Excel(xlsx) 格式的文件', '人员.xls');

    const bureauAccount = await t.db.selectFrom('account').select('id').where('personId', '=', chain.bureau.person.id).executeTakeFirstOrThrow();
    const running = await t.db
      .insertInto('peopleImport')
      .values({
        orgId: chain.bureau.org.id,
        personId: chain.bureau.person.id,
        accountId: bureauAccount.id,
        employerId: chain.employer.org.id,
        filename: 'x.xlsx',
        storedName: 'missing',
        status: 'running',
        totalRows: 10,
        error: null,
        createdAt: new Date(),
        startedAt: new Date(),
        finishedAt: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await refused(chain.bureau.cookie, chain.employer.org.id, good, 409, '本单位有一个导入任务正在进行，请等待其完成后再上传');
    await t.db.deleteFrom('peopleImport').where('id', '=', running.id).execute();

    const clerk = await createAdmin(t, chain.bureau.org, { permissions: ['claims.review'] });
    expect((await upload(clerk.cookie, chain.employer.org.id, good)).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/people-imports/template', headers: { cookie: clerk.cookie } })).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/people/employers', headers: { cookie: clerk.cookie } })).statusCode).toBe(403);
    expect((await upload(chain.applicant.cookie, chain.employer.org.id, good)).statusCode).toBe(403);
    expect(await count()).toBe(before);
  });

  it('an import is seen and its failures downloaded by its own org only; the employer list holds the scope', async () => {
    t.clock.advance(60_000); // the newest import first
    const res = await upload(chain.employer.cookie, chain.employer.org.id, await workbook([{ ...validRow(3), phone: '1' }]));
    const id = res.json().id as string;
    await finished(chain.employer.cookie, id);
    // The bureau above imports too, but sees only its own imports; the authority has no 批量导入 at all.
    for (const [cookie, status] of [
      [chain.bureau.cookie, 404],
      [chain.authority.cookie, 403],
    ] as const) {
      expect((await t.app.inject({ url: `/api/people-imports/${id}`, headers: { cookie } })).statusCode).toBe(status);
      expect((await t.app.inject({ url: `/api/people-imports/${id}/failures`, headers: { cookie } })).statusCode).toBe(status);
    }
    const list = await t.app.inject({ url: '/api/people-imports', headers: { cookie: chain.employer.cookie } });
    expect(list.json().items[0]).toMatchObject({ id, failedCount: 1, statusLabel: '已完成' });
    const employers = await t.app.inject({ url: '/api/people/employers', headers: { cookie: chain.employer.cookie } });
    expect(employers.json().items.map((e: { id: string }) => e.id)).toEqual([chain.employer.org.id, subUnit.id]);
    const ofBureau = await t.app.inject({ url: '/api/people/employers?keyword=别区', headers: { cookie: chain.bureau.cookie } });
    expect(ofBureau.json().items).toEqual([]);
  });
});
