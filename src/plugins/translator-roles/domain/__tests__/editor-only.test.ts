import { writtenEditorOnlyFields } from '../editor-only';

describe('writtenEditorOnlyFields', () => {
  it("lets an untouched relation of the content manager's form through", () => {
    expect(writtenEditorOnlyFields(['lateSubmitters'], { title: 'x', lateSubmitters: { connect: [], disconnect: [] } })).toEqual([]);
    expect(writtenEditorOnlyFields(['lateSubmitters'], { lateSubmitters: [] })).toEqual([]);
    expect(writtenEditorOnlyFields(['lateSubmitters'], { title: 'x' })).toEqual([]);
  });

  it.each([[{ connect: [{ id: 1 }] }], [{ disconnect: [{ id: 1 }] }], [{ set: [] }], [[1]], [5], [{ id: 1 }]])(
    'names the field when the payload writes %j',
    (lateSubmitters) => {
      expect(writtenEditorOnlyFields(['lateSubmitters'], { lateSubmitters })).toEqual(['lateSubmitters']);
    },
  );
});
