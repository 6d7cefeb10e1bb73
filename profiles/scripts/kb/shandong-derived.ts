import { ALL, ORG, PRO, type EntryMeta } from './roles';

/**
 * Entries whose answer is assembled from sentences of seed 001, each checked to appear verbatim:
 * the login reply for a wrong/forgotten password differs by role (the seed asks to answer by role),
 * and the 支持地市 list.
 */
export type DerivedMeta = EntryMeta & { parts: string[]; seedQuestions: string[] };

const first = '建议您先根据提示页面进行【忘记密码】操作，自行找回密码；';
const last = '如果无法联系到管理员或上级部门，建议您联系平台的人工热线客服或者在线客服进行咨询。';

export const shandongDerived: DerivedMeta[] = [
  {
    match: '',
    id: 'sd-login-wrong-password-professional',
    title: '专技个人密码错误、忘记密码',
    topic: 'password',
    roles: PRO,
    parts: [first, '如果是专技个人忘记密码，可以联系单位管理员给您重置密码；', last],
    seedQuestions: ['密码错误，忘记密码。'],
    variants: ['专技个人忘记密码', '个人账号密码错误', '个人密码忘了登录不上', '专业技术人员密码忘了找单位管理员重置'],
  },
  {
    match: '',
    id: 'sd-login-wrong-password-org',
    title: '单位、主管部门、机构密码错误、忘记密码',
    topic: 'password',
    roles: ORG,
    parts: [first, '如果是用人单位、主管部门或继续教育机构忘记密码，您可以联系上级审核部门帮您重置密码。', last],
    seedQuestions: ['密码错误，忘记密码。'],
    variants: ['单位管理员忘记密码', '主管部门账号密码错误', '继续教育机构忘记密码', '单位账号密码忘了找上级部门重置'],
  },
  {
    match: '',
    id: 'sd-cities-supported',
    title: '可以在本平台学时申报的地市',
    topic: 'cities',
    roles: ALL,
    parts: ['可以在本平台进行学时申报：济南/枣庄/烟台/潍坊/泰安/临沂/青岛/省直'],
    seedQuestions: ['支持地市'],
    variants: ['哪些地市可以在本平台学时申报', '济南可以申报学时吗', '青岛能在这个平台申报学时吗', '烟台潍坊泰安临沂省直单位申报学时'],
  },
  {
    match: '',
    id: 'sd-cities-unsupported',
    title: '无法在本平台学时申报的地市',
    topic: 'cities',
    roles: ALL,
    parts: ['无法在本平台进行学时申报：德州市、济宁市、枣庄市等其他区域'],
    seedQuestions: ['不支持地市'],
    variants: ['哪些地市不能在本平台学时申报', '德州市能申报学时吗', '济宁的在这里申报不了学时'],
  },
];
