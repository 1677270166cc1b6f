import { submissionPopulate } from '../submission-populate';

const allowed = ['call', 'actionLines', 'documents'];

describe('submissionPopulate', () => {
  it('expands * to the allowed relations and accepts allowed names in any shape', () => {
    expect(submissionPopulate('*', allowed)).toEqual({ call: true, actionLines: true, documents: true });
    expect(submissionPopulate('call,documents', allowed)).toEqual({ call: true, documents: true });
    expect(submissionPopulate(['call'], allowed)).toEqual({ call: true });
    expect(submissionPopulate({ call: { fields: ['title'] }, actionLines: 'true', documents: false }, allowed)).toEqual({ call: { fields: ['title'] }, actionLines: true });
    expect(submissionPopulate(undefined, allowed)).toBeUndefined();
  });

  it.each([
    ['a relation not listed', 'submittedBy'], ['a deeper path', 'call.entries'], ['nested populate', { call: { populate: { entries: true } } }],
    ['filters on the relation', { call: { filters: { title: 'x' } } }], ['a wildcard inside', { call: { populate: '*' } }], ['a number', 3],
  ])('refuses %s', (_name, populate) => {
    expect(() => submissionPopulate(populate, allowed)).toThrow(expect.objectContaining({ name: 'InvalidPopulateError' }));
  });
});
