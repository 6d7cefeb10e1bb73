import { describe, expect, it } from 'vitest';
import { creditCodeCheckChar, idNumberCheckChar } from '@cep/contracts';
import { maskSensitive } from './reviews.presenter';

const idNumber = (first17: string) => first17 + idNumberCheckChar(first17);
const creditCode = (first17: string) => first17 + creditCodeCheckChar(first17);

describe('maskSensitive (the safety net under each kind’s masking)', () => {
  it('masks real ID numbers and mobile numbers inside any text', () => {
    const id = idNumber('41010519900101123');
    const [field] = maskSensitive([{ label: '备注', value: `身份证${id}，电话13903710011` }]);
    expect(field!.value).toBe(`身份证41*************${id.slice(-3)}，电话139****0011`);
  });

  it('masks an ID number with a wrong check digit too (a typo is still someone’s ID number)', () => {
    expect(maskSensitive([{ label: '身份证号', value: '410103199001011234' }])[0]!.value).toBe('41*************234');
  });

  it('leaves an all-digit 统一社会信用代码 readable, since the reviewer checks it against the licence', () => {
    const code = creditCode('12410100880000000');
    expect(code).toMatch(/^\d{18}$/);
    expect(maskSensitive([{ label: '统一社会信用代码', value: code }])[0]!.value).toBe(code);
  });

  it('shows a birth date as its year only, so it cannot narrow the masked ID number beside it (issue 7 finding 3)', () => {
    const fields = maskSensitive([
      { label: '出生日期', value: '1990-01-01' },
      { label: '职称取得时间', value: '2020-09-01' },
    ]);
    expect(fields.map((f) => f.value)).toEqual(['1990年', '2020-09-01']);
  });

  it('keeps numbers, booleans and nulls as they are', () => {
    expect(
      maskSensitive([
        { label: 'n', value: 3 },
        { label: 'b', value: true },
        { label: 'x', value: null },
      ]),
    ).toEqual([
      { label: 'n', value: 3 },
      { label: 'b', value: true },
      { label: 'x', value: null },
    ]);
  });
});
