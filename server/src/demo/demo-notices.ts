import type { AppContext } from '../platform/context';
import { changeNoticeStatus, createNotice } from '../modules/notices';
import { DEMO_ORIGIN, superAdminActor } from './demo-actor';

type DemoNotice = { title: string; body: string; publish: boolean };

/** What the bureaus of the demo have put on the portal: the seeds' rules, as a bureau would announce them. */
const provinceNotices: DemoNotice[] = [
  {
    title: '关于做好本年度专业技术人员继续教育学时登记工作的通知',
    body: [
      '各市、县（区）人力资源社会保障部门，各有关单位：',
      '专业技术人员每年参加继续教育的时间累计不少于90学时，其中公需科目不少于30学时，专业科目不少于60学时。',
      '学时(分)申报时每天申报不超过8学时；实际学习超过每天8学时的，可适当延长开始或者结束时间。',
      '请各用人单位督促本单位专业技术人员及时登录平台申报学时，并按审核流程及时审核。',
    ].join('\n'),
    publish: true,
  },
  {
    title: '专业技术人员继续教育信息服务平台使用说明',
    body: [
      '一、个人注册：选择“专业技术人员”，按提示填写身份证号、手机号等信息，所在单位审核通过后即可登录。',
      '二、单位注册：用人单位、主管部门和继续教育机构注册后，由所选的上级部门审核。',
      '三、忘记密码：在登录页点击“忘记登录密码”，通过注册时的身份证号和手机号/邮箱重置；也可联系单位管理员重置。',
      '四、遇到问题可先咨询页面右下角的智能客服，仍未解决可提交工单，平台运维人员将及时回复。',
    ].join('\n'),
    publish: true,
  },
  {
    title: '关于发布下一年度公需科目指南的通知（草稿）',
    body: '公需科目由省人力资源社会保障厅会同行业主管部门确定，统一安排部署，每年定期发布公需科目指南。',
    publish: false,
  },
];

const cityNotice = (cityBureau: string): DemoNotice => ({
  title: `${cityBureau.replace(/人力资源和社会保障局$/, '')}关于开展继续教育学时审核工作的通知`,
  body: '请辖区内各用人单位于每年年底前完成本单位专业技术人员学时(分)申报的审核，逾期未审核的申报将影响年度完成情况的统计。',
  publish: true,
});

const publishAll = async (ctx: AppContext, orgId: string, notices: DemoNotice[]) => {
  const change = { actor: await superAdminActor(ctx, orgId), origin: DEMO_ORIGIN };
  for (const n of notices) {
    const created = await createNotice(ctx, change, { title: n.title, body: n.body });
    if (n.publish) await changeNoticeStatus(ctx, change, created.id, 'publish');
  }
};

/** Once per database: notices of the province bureau (one left as a draft) and of the first city bureau. */
export const ensureNoticeDemo = async (ctx: AppContext) => {
  const done = await ctx.db.selectFrom('platformSetting').select('value').where('key', '=', 'demo_notices').executeTakeFirst();
  if (done) return;
  const bureaus = await ctx.db
    .selectFrom('org')
    .select(['id', 'name', 'bureauLevel'])
    .where('kind', '=', 'hrBureau')
    .where('bureauLevel', 'in', ['province', 'city'])
    .orderBy('regionCode')
    .execute();
  const province = bureaus.find((b) => b.bureauLevel === 'province');
  const city = bureaus.find((b) => b.bureauLevel === 'city');
  if (province) await publishAll(ctx, province.id, provinceNotices);
  if (city) await publishAll(ctx, city.id, [cityNotice(city.name)]);
  await ctx.db.insertInto('platformSetting').values({ key: 'demo_notices', value: new Date().toISOString() }).execute();
};
