import type { LoginRole } from '@cep/contracts';

export type AskerRole = Exclude<LoginRole, 'platform'>;

/**
 * Phrases in which users say which account they speak for ("我是单位管理员", "机构账号", "专技个人忘记密码").
 * A role word alone is not enough: a professional writes "联系单位管理员", a bureau admin "审核专技人员".
 */
const selfPatterns: [AskerRole, RegExp][] = [
  ['professional', /我是(专技|个人|专业技术人员)|(专技个人|专技人员|专业技术人员|个人)(的)?(账号|登录|密码|用户|忘记)|个人用户|我(个人)?的账号/],
  ['employer', /我是(用人)?单位|我们是(用人)?单位|(用人单位|单位管理员|单位)(的)?(账号|密码|登录|忘记)|我们单位(的)?(账号|管理员|密码|超管)/],
  ['authority', /我是主管部门|我们是主管部门|主管部门(的)?(账号|密码|管理员|登录|忘记)/],
  [
    'provider',
    /我是(继续教育)?(机构|基地)|我们是(继续教育|培训)?(机构|基地)|(继续教育机构|继续教育基地|培训机构|机构|基地)(的)?(账号|密码|登录|忘记|超管|管理员)|我们机构/,
  ],
  ['hrBureau', /我是(区县|市|县|区)?(人社|人社局)|我们(是)?(区县|市|县)?人社局|(人社局|人社部门|人社)(的)?(账号|后台|管理员|密码|登录)/],
];

/** The role the question says the asker has, if it says one. */
export const roleInQuestion = (normalized: string): AskerRole | undefined => {
  const text = normalized.replace(/\s+/g, '');
  for (const [role, pattern] of selfPatterns) if (pattern.test(text)) return role;
  return undefined;
};

/**
 * Multiplies an entry's score by the fit between its roles and the asker's: entries written for fewer roles
 * get more of the boost; entries not meant for the role lose some score but stay findable.
 */
export const roleFactor = (entryRoles: readonly string[], role: AskerRole | undefined, strength: number): number => {
  if (!role || strength === 0) return 1;
  if (!entryRoles.includes(role)) return 1 - 0.5 * strength;
  const specificity = 1 - (entryRoles.length - 1) / 5;
  return 1 + strength * specificity;
};
