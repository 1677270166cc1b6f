import { withoutCheckedValues } from '../error-details';

// Found by the hostile-input suite (tests/hostile): a stakeholder's entry naming an organization
// that does not exist was refused with the whole entity in details, its private owner included.
describe('withoutCheckedValues', () => {
  it('leaves the checked values out of each error, and keeps what tells the problem', () => {
    const details = {
      code: 'INVALID_INPUT',
      errors: [
        {
          path: [],
          message: '1 relation(s) of type api::organization.organization associated with this entity do not exist',
          name: 'ValidationError',
          value: { submittedBy: { set: [{ id: 1 }] } },
        },
      ],
    };
    expect(withoutCheckedValues(details)).toEqual({
      code: 'INVALID_INPUT',
      errors: [
        {
          path: [],
          message: '1 relation(s) of type api::organization.organization associated with this entity do not exist',
          name: 'ValidationError',
        },
      ],
    });
  });

  it('passes details without errors through', () => {
    expect(withoutCheckedValues({ code: 'INVALID_QUERY', key: 'x' })).toEqual({ code: 'INVALID_QUERY', key: 'x' });
    expect(withoutCheckedValues({ errors: ['text'] })).toEqual({ errors: ['text'] });
  });
});
