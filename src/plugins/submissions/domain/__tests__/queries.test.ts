import { assertSubmissionQuery, submissionPopulate } from '../queries';

const allowed = ['call', 'actionLines', 'documents'];

describe('submissionPopulate', () => {
  it('expands * to the allowed relations and accepts allowed names in any shape', () => {
    expect(submissionPopulate('*', allowed)).toEqual({ call: true, actionLines: true, documents: true });
    expect(submissionPopulate('call,documents', allowed)).toEqual({ call: true, documents: true });
    expect(submissionPopulate(['call'], allowed)).toEqual({ call: true });
    expect(submissionPopulate({ call: { fields: ['title'] }, actionLines: 'true', documents: false }, allowed)).toEqual({
      call: { fields: ['title'] },
      actionLines: true,
    });
    expect(submissionPopulate(undefined, allowed)).toBeUndefined();
  });

  it.each([
    ['a relation not listed', 'submittedBy'],
    ['a deeper path', 'call.entries'],
    ['nested populate', { call: { populate: { entries: true } } }],
    ['filters on the relation', { call: { filters: { title: 'x' } } }],
    ['a wildcard inside', { call: { populate: '*' } }],
    ['a number', 3],
  ])('refuses %s', (_name, populate) => {
    expect(() => submissionPopulate(populate, allowed)).toThrow(
      expect.objectContaining({ name: 'InvalidSubmissionQueryError', code: 'INVALID_POPULATE' }),
    );
  });
});

describe('assertSubmissionQuery', () => {
  const relations = ['call', 'actionLines', 'submittedBy'];

  it('accepts own fields and relations by identity', () => {
    expect(() =>
      assertSubmissionQuery(
        {
          filters: { title: { $contains: 'x' }, call: { documentId: 'abc' }, $or: [{ actionLines: { id: { $in: [1] } } }] },
          sort: 'title:asc',
        },
        relations,
      ),
    ).not.toThrow();
  });

  it.each([
    [{ filters: { call: { title: { $startsWith: 'x' } } } }, 'INVALID_FILTER'],
    [{ filters: { $and: [{ call: { entries: { title: 'x' } } }] } }, 'INVALID_FILTER'],
    [{ filters: { call: { $or: [{ documentId: 'a' }, { title: 'b' }] } } }, 'INVALID_FILTER'],
    [{ sort: 'call.title:asc' }, 'INVALID_SORT'],
    [{ sort: [{ call: { title: 'asc' } }] }, 'INVALID_SORT'],
  ])('refuses %j, which would read drafts through a relation', (query, code) => {
    expect(() => assertSubmissionQuery(query, relations)).toThrow(expect.objectContaining({ code }));
  });
});
