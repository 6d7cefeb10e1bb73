import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import { EmployerRegistrationInput, ProfessionalRegistrationInput, ProviderRegistrationInput } from '@cep/contracts';
import { applicantOf } from './components/ApplicantFields';
import { orgBodyOf } from './components/OrgRegistrationForm';
import { professionalBodyOf } from './components/ProfessionalFields';

const applicant = {
  existingUser: false,
  idType: '身份证',
  idNumber: '11010519491231002X',
  password: 'Abc#pass9x',
  confirmPassword: 'Abc#pass9x',
  name: '张三',
  phone: '13800001234',
  email: 'a@b.cn',
};
const org = {
  orgName: '郑州市新华医院',
  creditCode: '91350100M000100Y43',
  nature: 'institution',
  orgLevel: 'divisional',
  industry: 'Q',
  orgPhone: '0371-66001234',
  address: '郑州市金水区纬五路12号',
  regionCode: '410100',
};
const uuid = '3f2c7a8e-1b2d-4c5e-8f90-123456789abc';
/** RegistrationForm adds the solved slider's token to every body. */
const captchaToken = 'slider-token_1';

describe('what the registration forms send', () => {
  it('keeps the password confirmation in the browser and sends only the check fields for 已是本系统用户', () => {
    expect(applicantOf(applicant)).not.toHaveProperty('confirmPassword');
    expect(applicantOf({ ...applicant, existingUser: true })).toEqual({
      existingUser: true,
      idType: '身份证',
      idNumber: applicant.idNumber,
      password: applicant.password,
    });
  });

  it('sends a superior only when its 是 is chosen, and nothing the server does not collect', () => {
    const values = { ...org, hasAuthority: false, hasParent: true, authorityId: uuid, parentOrgId: uuid, applicant };
    const body = { ...orgBodyOf('employer', values), applicant: applicantOf(applicant), captchaToken };
    expect(body).toMatchObject({ authorityId: undefined, parentOrgId: uuid });
    expect(EmployerRegistrationInput.safeParse(body).success).toBe(true);
    const provider = { ...orgBodyOf('provider', { ...values, hasAuthority: true }), applicant: applicantOf(applicant), captchaToken };
    expect(ProviderRegistrationInput.safeParse(provider).success).toBe(true);
  });

  it('formats the title date and drops unknown form values', () => {
    const values = {
      employerId: uuid,
      titleSeries: 'health',
      titleLevel: 'intermediate',
      major: '10',
      titleObtainedOn: dayjs('2020-09-01'),
      hasAuthority: false,
    };
    const body = { ...professionalBodyOf(values), applicant: applicantOf(applicant), captchaToken };
    expect(body.titleObtainedOn).toBe('2020-09-01');
    expect(ProfessionalRegistrationInput.safeParse(body).success).toBe(true);
  });
});
