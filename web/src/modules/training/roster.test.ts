import { describe, expect, it } from 'vitest';
import { parseRoster } from './roster';

describe('parseRoster', () => {
  it('reads spreadsheet columns, spaces and commas, and skips blank lines', () => {
    const text = '410105199001011234\t张三\n\n  41010519900101123x , 李 四 \n410105199001011250，王五';
    expect(parseRoster(text)).toEqual({
      entries: [
        { idNumber: '410105199001011234', name: '张三' },
        { idNumber: '41010519900101123x', name: '李四' },
        { idNumber: '410105199001011250', name: '王五' },
      ],
      problems: [],
    });
  });

  it('names the lines without a name by their number', () => {
    expect(parseRoster('410105199001011234 张三\n410105199001011250').problems).toEqual(['第2行缺少姓名（格式：身份证号 姓名）']);
  });
});
