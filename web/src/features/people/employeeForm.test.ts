// @vitest-environment node
import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { toInput } from './employeeForm.ts';

describe('employee form → request body', () => {
  const values = {
    employeeNo: ' E001 ',
    name: '张三',
    position: 'repair_engineer' as const,
    grade: 'T3',
    teamId: null,
    hireDate: dayjs('2020-03-01'),
    phone: '  ',
    skills: [{ skill: 'PLC', level: 4 }],
    certificates: [{ id: 'c1', name: '电工证', issuer: '应急管理部', number: 'N1', issuedOn: dayjs('2021-01-02'), expiresOn: null }],
  };

  it('writes business dates as YYYY-MM-DD and keeps certificate ids', () => {
    const input = toInput(values, 'update');
    expect(input.employeeNo).toBe('E001');
    expect(input.hireDate).toBe('2020-03-01');
    expect(input.certificates?.[0]).toEqual({ id: 'c1', name: '电工证', issuer: '应急管理部', number: 'N1', issuedOn: '2021-01-02', expiresOn: null });
  });

  it('leaves empty optional fields out on create and clears them on update', () => {
    expect(toInput(values, 'create').phone).toBeUndefined();
    expect(toInput(values, 'create').teamId).toBeUndefined();
    expect(toInput(values, 'update').phone).toBeNull();
    expect(toInput(values, 'update').teamId).toBeNull();
  });
});
