import { desiredConfiguration, humanize, mergeConfiguration, type ManagedConfiguration } from '../layouts';

const strapiDefault: ManagedConfiguration = {
  list: ['id', 'title', 'slug', 'opensAt'],
  labels: {
    title: { label: 'title', description: '' },
    opensAt: { label: 'opensAt', description: '' },
    editableUntil: { label: 'editableUntil', description: '' },
  },
  edit: [['title', 'opensAt'], ['editableUntil']],
};
const attributes = ['title', 'opensAt', 'editableUntil'];
const layout = {
  list: ['title', 'opensAt', 'updatedAt'],
  labels: { opensAt: { label: 'Opens', description: 'In the window’s timezone.' } },
  edit: [['opensAt', 'editableUntil']],
};

describe('humanize', () => {
  it('reads attribute names as labels', () => {
    expect(humanize('editableUntil')).toBe('Editable until');
    expect(humanize('outcomeSummaryDeadline')).toBe('Outcome summary deadline');
    expect(humanize('late')).toBe('Late');
  });
});

describe('desiredConfiguration', () => {
  it('labels every attribute, configured or humanized, and keeps every field in the edit view', () => {
    const desired = desiredConfiguration(layout, attributes, strapiDefault);
    expect(desired.labels).toEqual({
      title: { label: 'Title', description: '' },
      opensAt: { label: 'Opens', description: 'In the window’s timezone.' },
      editableUntil: { label: 'Editable until', description: '' },
    });
    expect(desired.list).toEqual(['title', 'opensAt', 'updatedAt']);
    expect(desired.edit).toEqual([['opensAt', 'editableUntil'], ['title']]);
  });
});

describe('mergeConfiguration', () => {
  const desired = desiredConfiguration(layout, attributes, strapiDefault);

  it('writes everything the first time', () => {
    expect(mergeConfiguration(strapiDefault, desired, undefined).next).toEqual(desired);
  });

  it('keeps what an admin changed later, on every later boot', () => {
    const { record } = mergeConfiguration(strapiDefault, desired, undefined);
    const adminChanged = {
      ...desired,
      list: ['title'],
      labels: { ...desired.labels, title: { label: 'Name of the call', description: '' } },
    };
    const changedLayout = { ...layout, labels: { ...layout.labels, title: 'Call title', editableUntil: 'Edits allowed until' } };
    const second = mergeConfiguration(adminChanged, desiredConfiguration(changedLayout, attributes, adminChanged), record);
    expect(second.next.list).toEqual(['title']);
    expect(second.next.labels.title.label).toBe('Name of the call');
    expect(second.next.labels.editableUntil.label).toBe('Edits allowed until');
    const third = mergeConfiguration(second.next, desiredConfiguration(changedLayout, attributes, second.next), second.record);
    expect(third.next).toEqual(second.next);
  });
});
